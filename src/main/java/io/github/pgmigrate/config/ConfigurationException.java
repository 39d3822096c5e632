package io.github.pgmigrate.config;

import io.github.pgmigrate.PgMigrateException;
import java.util.Optional;

/**
 * The plugin configuration is wrong. Either one parameter's value cannot be read ({@code txMode 'fle' is not one of
 * file, all, none}), which every parser reports the same way and the goals show with the parameter's POM element and
 * user property, or the configuration as a whole does not fit (no database configured, two defaults); the message
 * then names the elements itself. The hint says how to fix it.
 */
public final class ConfigurationException extends PgMigrateException {
    private final String parameter;
    private final String value;
    private final String problem;

    public ConfigurationException(String message, String hint) {
        super(message, hint);
        this.parameter = null;
        this.value = null;
        this.problem = message;
    }

    /**
     * @param parameter the parameter's name as in the POM, e.g. {@code txMode}
     * @param value     the value as given
     * @param problem   what is wrong with it, continuing the value: {@code is not one of file, all, none}
     * @param hint      how to fix it, or null when the problem already says
     */
    public ConfigurationException(String parameter, String value, String problem, String hint) {
        super(parameter + " '" + value + "' " + problem, hint);
        this.parameter = parameter;
        this.value = value;
        this.problem = problem;
    }

    /** The parameter whose value is wrong; empty when the problem is not one value. */
    public Optional<String> parameter() {
        return Optional.ofNullable(parameter);
    }

    /** The value as given, or null when the problem is not one value. */
    public String value() {
        return value;
    }

    /** What is wrong, without the parameter and value. */
    public String problem() {
        return problem;
    }
}
