package io.github.pgmigrate.config.hcl;

/** An HCL file cannot be read or evaluated; the message starts with {@code file:line:}. */
public final class HclException extends Exception {
    private final int line;
    private final String reason;

    public HclException(String file, int line, String reason) {
        super(file + ":" + line + ": " + reason);
        this.line = line;
        this.reason = reason;
    }

    public int line() {
        return line;
    }

    /** The message without the location. */
    public String reason() {
        return reason;
    }
}
