package io.github.pgmigrate.apply;

import io.github.pgmigrate.PgMigrateException;

/**
 * Behind a transaction pooler, where no session lock keeps a second apply out: the file's revision changed between
 * planning and the file's transaction, because another run applied it. The file's transaction was rolled back.
 */
final class AppliedMeanwhileException extends PgMigrateException {
    private final String version;

    AppliedMeanwhileException(String message, String hint, String version) {
        super(message, hint);
        this.version = version;
    }

    String version() {
        return version;
    }
}
