package io.github.pgmigrate.lint;

import io.github.pgmigrate.ddl.Identifier;
import io.github.pgmigrate.ddl.QualifiedName;

/** Renders object names in messages the way PostgreSQL prints them. */
final class Names {
    private Names() {
    }

    static String of(QualifiedName name) {
        return name == null ? "?" : "\"" + (name.schema() == null ? "" : name.schema() + ".") + name.name() + "\"";
    }

    static String of(Identifier id) {
        return id == null ? "?" : "\"" + id.name() + "\"";
    }

    static String of(String name) {
        return name == null ? "?" : "\"" + name + "\"";
    }
}
