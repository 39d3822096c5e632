package io.github.pgmigrate.schema.model;

/**
 * A table constraint declared on this table (constraints a partition or child inherits are not repeated).
 *
 * @param definition {@code pg_get_constraintdef} without a trailing {@code NOT VALID}
 * @param references the referenced table of a foreign key, else null
 * @param validated  false for a {@code NOT VALID} check or foreign key
 */
public record Constraint(String name, ConstraintKind kind, String definition, QualifiedName references,
                         boolean validated, String comment) {
}
