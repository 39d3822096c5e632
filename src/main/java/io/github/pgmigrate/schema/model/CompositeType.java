package io.github.pgmigrate.schema.model;

import java.util.List;

/** A composite type made with CREATE TYPE … AS (…). */
public record CompositeType(QualifiedName name, String owner, List<Attribute> attributes, String comment) {
}
