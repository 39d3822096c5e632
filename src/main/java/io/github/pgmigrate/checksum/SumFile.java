package io.github.pgmigrate.checksum;

import io.github.pgmigrate.directory.MigrationFile;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The content of atlas.sum, byte-compatible with Atlas: a running SHA-256 over every file's name and bytes (in byte
 * order of names) gives each file's hash, and the first line is a SHA-256 over all names and hashes.
 */
public final class SumFile {
    private static final String PREFIX = "h1:";
    private static final int DIGEST_BYTES = 32;

    private final String directorySum;
    private final List<SumEntry> entries;
    private final Map<String, String> hashByName;

    private SumFile(String directorySum, List<SumEntry> entries) {
        this.directorySum = directorySum;
        this.entries = List.copyOf(entries);
        // apply and status look up every applied file: a scan per lookup was quadratic in the directory's size.
        this.hashByName = new HashMap<>(entries.size() * 2);
        for (SumEntry entry : entries) {
            hashByName.putIfAbsent(entry.name(), entry.hash());
        }
    }

    /** Computes the sum of files given in Atlas's order. */
    public static SumFile compute(List<MigrationFile> files) {
        MessageDigest running = sha256();
        List<SumEntry> entries = new ArrayList<>(files.size());
        for (MigrationFile file : files) {
            running.update(file.name().getBytes(StandardCharsets.UTF_8));
            if (file.isSumIgnored()) {
                continue;
            }
            running.update(file.content());
            entries.add(new SumEntry(file.name(), base64(snapshot(running))));
        }
        return new SumFile(directorySumOf(entries), entries);
    }

    /**
     * Reads atlas.sum as Atlas does: lines may end in CRLF; each entry line is split at its first {@code h1:}; the
     * first line must equal the sum of the entries.
     */
    public static SumFile parse(byte[] bytes) throws SumFormatException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<String> lines = lines(text);
        if (lines.isEmpty()) {
            throw new SumFormatException(1, "atlas.sum is empty");
        }
        boolean cut = !text.endsWith("\n");
        String first = lines.get(0);
        if (!first.startsWith(PREFIX)) {
            throw new SumFormatException(1, first.contains(" " + PREFIX)
                    ? "atlas.sum has no header: its first line must be h1:<sum of the lines below>, but it is the"
                            + " entry of a file"
                    : "the first line of atlas.sum is not h1:<sum of the lines below>: " + abbreviate(first));
        }
        String stored = first.substring(PREFIX.length());
        requireDigest(stored, 1, cut && lines.size() == 1);
        List<SumEntry> entries = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            int at = line.indexOf(PREFIX);
            if (at < 0) {
                throw new SumFormatException(i + 1, cut && i == lines.size() - 1
                        ? truncated(i + 1)
                        : "line " + (i + 1) + " of atlas.sum is not '<file> h1:<hash>'"
                                + (line.isBlank() ? " (it is blank)" : ": " + abbreviate(line)));
            }
            String hash = line.substring(at + PREFIX.length());
            requireDigest(hash, i + 1, cut && i == lines.size() - 1);
            entries.add(new SumEntry(line.substring(0, at).strip(), hash));
        }
        if (!stored.equals(directorySumOf(entries))) {
            throw new SumFormatException(1, "the first line of atlas.sum does not match the lines below it"
                    + " (the file was edited by hand, cut short, or merged without re-hashing)");
        }
        return new SumFile(stored, entries);
    }

    /** A hash is the standard base64 of a SHA-256 digest: 44 characters ending in {@code =}. */
    private static void requireDigest(String hash, int line, boolean lastLineWithoutNewline)
            throws SumFormatException {
        byte[] digest;
        try {
            digest = Base64.getDecoder().decode(hash);
        } catch (IllegalArgumentException e) {
            digest = null;
        }
        if (digest != null && digest.length == DIGEST_BYTES) {
            return;
        }
        throw new SumFormatException(line, lastLineWithoutNewline ? truncated(line)
                : "line " + line + " of atlas.sum has a hash that is not the base64 of a SHA-256 digest"
                        + " (44 characters ending in '='): " + abbreviate(hash));
    }

    private static String truncated(int line) {
        return "atlas.sum is cut short: its last line (" + line + ") ends without a complete hash and without a"
                + " newline";
    }

    /** Splits like Go's bufio.Scanner: LF-terminated lines, a trailing CR dropped, no empty token after the last LF. */
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline;
            String line = text.substring(start, end);
            lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
            start = end + 1;
        }
        return lines;
    }

    private static String abbreviate(String line) {
        return line.length() > 60 ? line.substring(0, 60) + "…" : line;
    }

    /** The file content Atlas writes: LF line endings and a final LF. */
    public byte[] format() {
        StringBuilder out = new StringBuilder(PREFIX).append(directorySum).append('\n');
        for (SumEntry entry : entries) {
            out.append(entry.name()).append(' ').append(PREFIX).append(entry.hash()).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public String directorySum() {
        return directorySum;
    }

    public List<SumEntry> entries() {
        return entries;
    }

    /** The running hash recorded for a file, as stored in the revisions table's {@code hash} column. */
    public Optional<String> hashOf(String fileName) {
        return Optional.ofNullable(hashByName.get(fileName));
    }

    private static String directorySumOf(List<SumEntry> entries) {
        MessageDigest digest = sha256();
        for (SumEntry entry : entries) {
            digest.update(entry.name().getBytes(StandardCharsets.UTF_8));
            digest.update(entry.hash().getBytes(StandardCharsets.UTF_8));
        }
        return base64(digest.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The digest so far, leaving the running state untouched. */
    static byte[] snapshot(MessageDigest running) {
        try {
            return ((MessageDigest) running.clone()).digest();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 supports clone()", e);
        }
    }

    static String base64(byte[] digest) {
        return Base64.getEncoder().encodeToString(digest);
    }
}
