package io.github.pgmigrate.schema.model;

/** The table constraints the model knows. NOT NULL is a column property. */
public enum ConstraintKind {
    PRIMARY_KEY, UNIQUE, CHECK, FOREIGN_KEY, EXCLUSION
}
