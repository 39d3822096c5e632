package io.github.pgmigrate.schema.model;

import java.util.List;

/** A schema (the catalog's namespace). */
public record Namespace(String name, String owner, List<Grant> grants, String comment) {
}
