package io.github.pgmigrate.directory;

import io.github.pgmigrate.config.ConfigurationException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

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

    /** The mode spelled exactly {@code id} ({@code file}, {@code none}, {@code all}), as a directive writes it. */
    public static Optional<TxMode> byId(String id) {
        return Arrays.stream(values()).filter(mode -> mode.id().equals(id)).findFirst();
    }

    /** The {@code txMode} parameter; surrounding blanks are ignored, and no value means {@code file}. */
    public static TxMode parse(String value) throws ConfigurationException {
        return byId(value == null ? "file" : value.strip()).orElseThrow(() -> new ConfigurationException("txMode",
                value, "is not one of file, all, none", null));
    }
}
