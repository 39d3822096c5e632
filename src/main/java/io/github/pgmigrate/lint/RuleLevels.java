package io.github.pgmigrate.lint;

import io.github.pgmigrate.config.ConfigurationException;

import java.util.LinkedHashMap;
import java.util.Map;

/** Parses the command-line form of rule levels: {@code ban-drop-column=warning,prefer-robust-stmts=off}. */
public final class RuleLevels {
    private RuleLevels() {
    }

    public static Map<String, String> parse(String text) throws ConfigurationException {
        Map<String, String> levels = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return levels;
        }
        for (String entry : text.split(",")) {
            String e = entry.trim();
            if (e.isEmpty()) {
                continue;
            }
            int eq = e.indexOf('=');
            if (eq <= 0) {
                throw new ConfigurationException("rules", e, "is not a rule=level pair",
                        "write rule=level pairs separated by commas, e.g. ban-drop-column=warning,prefer-robust-stmts=off");
            }
            levels.put(e.substring(0, eq).trim(), e.substring(eq + 1).trim());
        }
        return levels;
    }
}
