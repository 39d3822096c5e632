package io.github.pgmigrate.ddl;

import java.util.List;

/**
 * A schema-qualified object name as PostgreSQL resolves it: folded parts, the schema optional.
 *
 * @param schema the schema, or null when unqualified
 * @param name   the object name
 */
public record QualifiedName(String schema, String name) {

    static QualifiedName of(List<Identifier> parts) {
        Identifier last = parts.get(parts.size() - 1);
        String schema = parts.size() >= 2 ? parts.get(parts.size() - 2).name() : null;
        return new QualifiedName(schema, last.name());
    }

    /**
     * Whether both names may denote the same object. Without a schema a name resolves through the search_path, so an
     * unqualified name matches the same name in any schema; two different explicit schemas never match.
     */
    public boolean sameObjectAs(QualifiedName other) {
        if (other == null || !name.equals(other.name)) {
            return false;
        }
        return schema == null || other.schema == null || schema.equals(other.schema);
    }

    @Override
    public String toString() {
        return schema == null ? quote(name) : quote(schema) + "." + quote(name);
    }

    private static String quote(String part) {
        return part.matches("[a-z_][a-z0-9_$]*") ? part : "\"" + part.replace("\"", "\"\"") + "\"";
    }
}
