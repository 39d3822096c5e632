package io.github.pgmigrate.schema.model;

/**
 * An index that no constraint owns (those come with their constraint).
 *
 * @param definition {@code pg_get_indexdef}: method, uniqueness, expressions, INCLUDE, predicate, NULLS NOT DISTINCT
 */
public record Index(String name, String definition, String comment) {

    /** Same name and definition: only the comment may differ. */
    public boolean sameAs(Index other) {
        return other != null && name.equals(other.name) && definition.equals(other.definition);
    }
}
