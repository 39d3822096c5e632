package io.github.pgmigrate.schema.model;

/**
 * One top-level object, for dependencies.
 *
 * @param name the object's name; for a routine {@code name(identity arguments)}
 */
public record ObjectRef(ObjectKind kind, String schema, String name) implements Comparable<ObjectRef> {

    public static ObjectRef of(ObjectKind kind, QualifiedName name) {
        return new ObjectRef(kind, name.schema(), name.name());
    }

    @Override
    public int compareTo(ObjectRef other) {
        return toString().compareTo(other.toString());
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + schema + "." + name;
    }
}
