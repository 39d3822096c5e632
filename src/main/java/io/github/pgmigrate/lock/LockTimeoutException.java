package io.github.pgmigrate.lock;

import io.github.pgmigrate.PgMigrateException;

/** Another run holds the migration lock and did not release it within lockTimeout. */
public final class LockTimeoutException extends PgMigrateException {
    public LockTimeoutException(String message, String hint) {
        super(message, hint);
    }
}
