package io.github.pgmigrate.validate;

public enum Severity {
    ERROR, WARNING
}
