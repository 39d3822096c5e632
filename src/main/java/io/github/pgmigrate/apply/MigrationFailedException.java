package io.github.pgmigrate.apply;

import io.github.pgmigrate.PgMigrateException;

/**
 * A migration statement failed on the server.
 *
 * @see #file()
 */
public final class MigrationFailedException extends PgMigrateException {
    private final String file;
    private final int line;
    private final String sqlState;

    public MigrationFailedException(String message, String hint, String file, int line, String sqlState,
                                    Throwable cause) {
        super(message, hint, cause);
        this.file = file;
        this.line = line;
        this.sqlState = sqlState;
    }

    /** The migration file's name. */
    public String file() {
        return file;
    }

    /** The 1-based line of the failing statement (or of the error inside it, when the server says where). */
    public int line() {
        return line;
    }

    /** The SQLSTATE, or null. */
    public String sqlState() {
        return sqlState;
    }
}
