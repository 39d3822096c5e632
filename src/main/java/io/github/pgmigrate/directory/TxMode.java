package io.github.pgmigrate.directory;

import java.util.Locale;

/** How migration files are wrapped in transactions (Atlas's {@code --tx-mode} and {@code atlas:txmode}). */
public enum TxMode {
    /** One transaction per file (the default). */
    FILE,
    /** No transaction: each statement commits on its own. */
    NONE,
    /** One transaction around every pending file. */
    ALL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a configured mode; throws with the accepted values otherwise. */
    public static TxMode parse(String value) {
        for (TxMode mode : values()) {
            if (mode.id().equals(value)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown transaction mode \"" + value + "\": use file, none or all");
    }
}
