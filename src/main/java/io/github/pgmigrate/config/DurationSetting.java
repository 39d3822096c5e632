package io.github.pgmigrate.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Reads duration parameters as users write them: {@code 10s}, {@code 500ms}, {@code 2m}, {@code 1h}, {@code 0}, or ISO {@code PT10S}. */
public final class DurationSetting {
    private DurationSetting() {
    }

    public static Duration parse(String parameter, String value) throws ConfigurationException {
        String text = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        try {
            if (text.startsWith("pt")) {
                return Duration.parse(text.toUpperCase(Locale.ROOT));
            }
            if (text.equals("0")) {
                return Duration.ZERO;
            }
            if (text.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2).strip()));
            }
            if (text.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(text.substring(0, text.length() - 1)) * 1000));
            }
            if (text.endsWith("m")) {
                return Duration.ofSeconds(Math.round(Double.parseDouble(text.substring(0, text.length() - 1)) * 60));
            }
            if (text.endsWith("h")) {
                return Duration.ofMinutes(Math.round(Double.parseDouble(text.substring(0, text.length() - 1)) * 60));
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            // reported below
        }
        throw new ConfigurationException(parameter, value, "is not a duration", "write it as 10s, 500ms, 2m, 1h or 0");
    }
}
