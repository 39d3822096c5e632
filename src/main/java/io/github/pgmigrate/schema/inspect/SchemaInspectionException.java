package io.github.pgmigrate.schema.inspect;

import io.github.pgmigrate.PgMigrateException;

/** The catalog could not be read (no connection, no permission, an unsupported server). */
public final class SchemaInspectionException extends PgMigrateException {
    public SchemaInspectionException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }
}
