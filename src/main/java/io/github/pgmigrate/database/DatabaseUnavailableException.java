package io.github.pgmigrate.database;

import io.github.pgmigrate.PgMigrateException;

/** The database could not be reached or refused the connection; the message names the URL without its password. */
public final class DatabaseUnavailableException extends PgMigrateException {
    public DatabaseUnavailableException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }
}
