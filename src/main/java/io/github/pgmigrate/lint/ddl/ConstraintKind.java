package io.github.pgmigrate.lint.ddl;

public enum ConstraintKind {
    CHECK, UNIQUE, PRIMARY_KEY, FOREIGN_KEY, EXCLUDE, NOT_NULL
}
