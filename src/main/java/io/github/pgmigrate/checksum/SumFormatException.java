package io.github.pgmigrate.checksum;

/** atlas.sum cannot be read: a line is not {@code <file> h1:<hash>}, or its first line does not match the rest. */
public final class SumFormatException extends Exception {
    private final int line;

    public SumFormatException(int line, String message) {
        super(message);
        this.line = line;
    }

    /** The 1-based line of atlas.sum that is wrong. */
    public int line() {
        return line;
    }
}
