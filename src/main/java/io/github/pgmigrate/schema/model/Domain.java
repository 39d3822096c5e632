package io.github.pgmigrate.schema.model;

import java.util.List;

/** A domain over a base type. */
public record Domain(QualifiedName name, String owner, String baseType, String collation, String defaultExpression,
                     boolean notNull, List<DomainCheck> checks, String comment) {
}
