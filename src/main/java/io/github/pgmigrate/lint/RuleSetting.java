package io.github.pgmigrate.lint;

import java.util.Locale;
import java.util.Optional;

/** A rule's configured level: a severity, or off. */
public enum RuleSetting {
    ERROR, WARNING, OFF;

    public Optional<FindingSeverity> severity() {
        return switch (this) {
            case ERROR -> Optional.of(FindingSeverity.ERROR);
            case WARNING -> Optional.of(FindingSeverity.WARNING);
            case OFF -> Optional.empty();
        };
    }

    /** Parses {@code error}, {@code warning} or {@code off} (also {@code warn}, {@code disabled}, {@code none}). */
    public static Optional<RuleSetting> parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "error" -> Optional.of(ERROR);
            case "warning", "warn" -> Optional.of(WARNING);
            case "off", "disabled", "disable", "none" -> Optional.of(OFF);
            default -> Optional.empty();
        };
    }
}
