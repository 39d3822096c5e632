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
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
