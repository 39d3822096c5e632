package io.github.pgmigrate.apply;

import io.github.pgmigrate.config.ConfigurationException;
import java.util.Locale;

/**
 * What to do with a statement left in flight when the catalog cannot tell whether it took effect (see
 * {@link InFlightCheck}); the person who checked the database says so with {@code -Dpgmigrate.inFlight}.
 */
public enum InFlightResolution {
    /** Stop and say what to check (the default). */
    CHECK,
    /** It took effect: record it and go on with the next statement. */
    APPLIED,
    /** It did not take effect: run it. */
    RERUN;

    public static InFlightResolution parse(String value) throws ConfigurationException {
        String text = value == null || value.isBlank() ? "check" : value.strip().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "check" -> CHECK;
            case "applied" -> APPLIED;
            case "rerun" -> RERUN;
            default -> throw new ConfigurationException("inFlight", value, "is not one of check, applied, rerun",
                    "say applied when the statement left in flight took effect, rerun when it did not");
        };
    }
}
