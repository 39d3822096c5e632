package io.github.pgmigrate.schema.model;

import java.util.List;

/** An enum type with its labels in sort order. */
public record EnumType(QualifiedName name, String owner, List<String> labels, String comment) {
}
