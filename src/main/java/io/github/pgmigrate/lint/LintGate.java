package io.github.pgmigrate.lint;

import io.github.pgmigrate.config.ConfigurationException;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** When a lint run fails the build: on errors (the default), on warnings too, or never. */
public enum LintGate {
    ERROR, WARNING, NEVER;

    /** The {@code failOn} parameter; {@code warn} and {@code none} are accepted as spelled by other linters. */
    public static LintGate parse(String failOn) throws ConfigurationException {
        String value = failOn == null ? "" : failOn.trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "error" -> ERROR;
            case "warning", "warn" -> WARNING;
            case "never", "none" -> NEVER;
            default -> throw new ConfigurationException("failOn", failOn, "is not one of error, warning, never", null);
        };
    }

    /** The severities whose findings fail the build. */
    public Set<FindingSeverity> failing() {
        return switch (this) {
            case ERROR -> EnumSet.of(FindingSeverity.ERROR);
            case WARNING -> EnumSet.of(FindingSeverity.ERROR, FindingSeverity.WARNING);
            case NEVER -> EnumSet.noneOf(FindingSeverity.class);
        };
    }

    public boolean fails(LintResult result) {
        return result.findings().stream().anyMatch(f -> failing().contains(f.severity()));
    }

    /** {@code 2 errors and 1 warning}, for the log and the build failure. */
    public static String counts(LintResult result) {
        return plural(result.errors(), "error") + " and " + plural(result.warnings(), "warning");
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
