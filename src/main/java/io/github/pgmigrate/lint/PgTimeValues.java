package io.github.pgmigrate.lint;

import java.util.Map;

/** PostgreSQL's time-setting values ({@code '2s'}, {@code 500}, {@code '1min'}) in milliseconds. */
final class PgTimeValues {
    private static final Map<String, Long> UNITS = Map.of("us", 0L, "ms", 1L, "s", 1_000L, "min", 60_000L,
            "h", 3_600_000L, "d", 86_400_000L);

    private PgTimeValues() {
    }

    /** The value in milliseconds, or null when it is not a plain duration. */
    static Long millis(String value) {
        String v = value.trim();
        int i = 0;
        while (i < v.length() && (Character.isDigit(v.charAt(i)) || v.charAt(i) == '.')) {
            i++;
        }
        if (i == 0) {
            return null;
        }
        double number;
        try {
            number = Double.parseDouble(v.substring(0, i));
        } catch (NumberFormatException e) {
            return null;
        }
        String unit = v.substring(i).trim();
        if (unit.isEmpty()) {
            return (long) number;
        }
        Long factor = UNITS.get(unit);
        if (factor == null) {
            return null;
        }
        return factor == 0 ? (number > 0 ? 1L : 0L) : (long) (number * factor);
    }
}
