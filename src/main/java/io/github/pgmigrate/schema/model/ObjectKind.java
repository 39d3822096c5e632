package io.github.pgmigrate.schema.model;

/** The kinds of top-level object that dependencies connect. */
public enum ObjectKind {
    TYPE, SEQUENCE, TABLE, VIEW, ROUTINE
}
