package io.github.pgmigrate.history;

import io.github.pgmigrate.config.ConfigurationException;
import java.util.Locale;

/** Atlas's {@code --exec-order}: what to do with files added below the last applied version. */
public enum ExecOrder {
    /** Refuse them (the default). */
    LINEAR("linear"),
    /** Ignore them: they are never applied. */
    LINEAR_SKIP("linear-skip"),
    /** Apply them first. */
    NON_LINEAR("non-linear");

    private final String id;

    ExecOrder(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Accepts Atlas's spellings: {@code linear-skip}, and atlas.hcl's {@code LINEAR_SKIP}. */
    public static ExecOrder parse(String value) throws ConfigurationException {
        String normalized = value == null ? "linear" : value.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (ExecOrder order : values()) {
            if (order.id.equals(normalized)) {
                return order;
            }
        }
        throw new ConfigurationException("execOrder", value, "is not one of linear, linear-skip, non-linear", null);
    }
}
