package io.github.pgmigrate.schema.render;

import io.github.pgmigrate.schema.model.Constraint;
import io.github.pgmigrate.schema.model.ConstraintKind;
import io.github.pgmigrate.schema.model.Table;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The columns of keys and foreign keys, read from pg_get_constraintdef's fixed form, for diagrams. */
final class KeyColumns {
    private static final Pattern COLUMNS = Pattern.compile("^(?:PRIMARY KEY|UNIQUE(?: NULLS NOT DISTINCT)?|FOREIGN KEY)"
            + " \\(([^)]*)\\)(?: REFERENCES [^(]+\\(([^)]*)\\))?");

    record ForeignKey(String name, List<String> columns, List<String> referencedColumns) {
    }

    private KeyColumns() {
    }

    static Set<String> of(Table table, ConstraintKind kind) {
        Set<String> columns = new HashSet<>();
        for (Constraint c : table.constraints()) {
            Matcher m = COLUMNS.matcher(c.definition());
            if (c.kind() == kind && m.find()) {
                columns.addAll(names(m.group(1)));
            }
        }
        return columns;
    }

    static List<ForeignKey> foreignKeys(Table table) {
        List<ForeignKey> keys = new ArrayList<>();
        for (Constraint c : table.constraints()) {
            Matcher m = COLUMNS.matcher(c.definition());
            if (c.kind() == ConstraintKind.FOREIGN_KEY && m.find()) {
                keys.add(new ForeignKey(c.name(), names(m.group(1)),
                        m.group(2) == null ? List.of() : names(m.group(2))));
            }
        }
        return keys;
    }

    private static List<String> names(String list) {
        List<String> names = new ArrayList<>();
        for (String part : list.split(",")) {
            String name = part.strip();
            if (name.startsWith("\"") && name.endsWith("\"")) {
                name = name.substring(1, name.length() - 1).replace("\"\"", "\"");
            }
            names.add(name);
        }
        return names;
    }
}
