package io.github.pgmigrate.ddl;

/** Kinds of objects a {@code DROP} names. */
public enum ObjectKind {
    TABLE, INDEX, SCHEMA, DATABASE, TYPE, VIEW, MATERIALIZED_VIEW, SEQUENCE, DOMAIN, OTHER
}
