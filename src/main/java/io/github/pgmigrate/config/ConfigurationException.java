package io.github.pgmigrate.config;

import io.github.pgmigrate.PgMigrateException;

/** The plugin configuration is wrong; the message names the element and the hint says how to fix it. */
public final class ConfigurationException extends PgMigrateException {
    public ConfigurationException(String message, String hint) {
        super(message, hint);
    }
}
