package io.github.pgmigrate.schema.diff;

/** A difference PostgreSQL offers no statement for; the message says what to do by hand. */
public final class UnsupportedChangeException extends RuntimeException {
    public UnsupportedChangeException(String message) {
        super(message);
    }
}
