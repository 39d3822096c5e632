package io.github.pgmigrate.guard;

import io.github.pgmigrate.PgMigrateException;

/** A guarded goal refused: the message names the guard that applied, the hint how to pass it. */
public final class GuardRefusedException extends PgMigrateException {
    public GuardRefusedException(String message, String hint) {
        super(message, hint);
    }
}
