package io.github.pgmigrate.directory;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Go's string order: unsigned comparison of UTF-8 bytes. Atlas sorts file names and compares versions this way;
 * Java's {@link String#compareTo} differs for characters outside the Basic Multilingual Plane.
 */
public final class ByteOrder {
    public static final Comparator<String> COMPARATOR = ByteOrder::compare;

    private ByteOrder() {
    }

    public static int compare(String a, String b) {
        int common = Math.min(a.length(), b.length());
        for (int i = 0; i < common; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x == y) {
                continue;
            }
            // Below the surrogates, UTF-16 units order as their UTF-8 bytes do; only surrogate pairs (and what
            // getBytes makes of unpaired ones) need the bytes. This path sorts a directory without encoding names.
            if (x < Character.MIN_SURROGATE && y < Character.MIN_SURROGATE) {
                return Character.compare(x, y);
            }
            return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
        }
        return Integer.compare(a.length(), b.length());
    }
}
