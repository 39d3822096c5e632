package io.github.pgmigrate.schema.model;

/** A CHECK constraint of a domain ({@code pg_get_constraintdef} without {@code NOT VALID}). */
public record DomainCheck(String name, String definition, boolean validated) {
}
