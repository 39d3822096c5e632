package io.github.pgmigrate.schema.model;

/** An attribute of a composite type. */
public record Attribute(String name, String type, String collation) {
}
