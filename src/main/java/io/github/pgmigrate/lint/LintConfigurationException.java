package io.github.pgmigrate.lint;

import io.github.pgmigrate.PgMigrateException;

/** The lint configuration names an unknown rule, an unknown level or an invalid version. */
public final class LintConfigurationException extends PgMigrateException {
    public LintConfigurationException(String message, String hint) {
        super(message, hint);
    }
}
