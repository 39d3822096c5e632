package io.github.pgmigrate.schema.model;

/** A column of a table. */
public record ColumnRef(QualifiedName table, String column) {
}
