package io.github.pgmigrate.directory;

import io.github.pgmigrate.PgMigrateException;

/** A name or version given for a new migration cannot become a file name. */
public final class InvalidMigrationNameException extends PgMigrateException {
    public InvalidMigrationNameException(String message, String hint) {
        super(message, hint);
    }
}
