package io.github.pgmigrate.schema.model;

/**
 * Where a partition sits: its parent and its bound.
 *
 * @param bound {@code pg_get_expr} of the bound, e.g. {@code FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')}
 */
public record Partitioning(QualifiedName parent, String bound) {
}
