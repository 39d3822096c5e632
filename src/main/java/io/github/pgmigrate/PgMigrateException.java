package io.github.pgmigrate;

/**
 * A problem the engine reports to its user: what is wrong and, where known, how to fix it. The Mojos turn these into
 * build failures; the message never contains a password.
 */
public class PgMigrateException extends Exception {
    private final String hint;

    public PgMigrateException(String message, String hint) {
        super(message);
        this.hint = hint;
    }

    public PgMigrateException(String message, String hint, Throwable cause) {
        super(message, cause);
        this.hint = hint;
    }

    /** How to fix it, or null. */
    public String hint() {
        return hint;
    }

    /** The message followed by the hint, as shown to users. */
    public String describe() {
        return hint == null ? getMessage() : getMessage() + "\n" + hint;
    }
}
