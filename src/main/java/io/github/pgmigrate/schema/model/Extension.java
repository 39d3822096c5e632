package io.github.pgmigrate.schema.model;

/** An installed extension; the objects it created are not part of the model. */
public record Extension(String name, String schema, String version) {
}
