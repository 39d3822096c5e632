package io.github.pgmigrate.status;

import io.github.pgmigrate.config.ConfigurationException;
import java.util.Locale;

/** How {@code status} prints its report: Atlas's text block and table, or JSON ({@link StatusJson}). */
public enum StatusFormat {
    TEXT,
    JSON;

    public static StatusFormat parse(String value) throws ConfigurationException {
        String normalized = value == null ? "text" : value.strip().toLowerCase(Locale.ROOT);
        for (StatusFormat format : values()) {
            if (format.name().toLowerCase(Locale.ROOT).equals(normalized)) {
                return format;
            }
        }
        throw new ConfigurationException("format", value, "is not one of text, json", null);
    }
}
