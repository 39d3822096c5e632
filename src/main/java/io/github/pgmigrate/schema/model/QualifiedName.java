package io.github.pgmigrate.schema.model;

/** A schema-qualified object name, as the catalog spells it (not quoted, case preserved). */
public record QualifiedName(String schema, String name) implements Comparable<QualifiedName> {

    @Override
    public int compareTo(QualifiedName other) {
        int bySchema = schema.compareTo(other.schema);
        return bySchema != 0 ? bySchema : name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return schema + "." + name;
    }
}
