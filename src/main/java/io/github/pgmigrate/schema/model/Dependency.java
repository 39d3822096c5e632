package io.github.pgmigrate.schema.model;

/** {@code dependent} cannot exist without {@code referenced} (from pg_depend, between objects of the model). */
public record Dependency(ObjectRef dependent, ObjectRef referenced) {
}
