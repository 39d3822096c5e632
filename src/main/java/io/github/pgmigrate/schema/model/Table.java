package io.github.pgmigrate.schema.model;

import java.util.List;

/**
 * A table: plain, unlogged, partitioned, a partition, or a child by inheritance.
 *
 * @param partitionKey  {@code pg_get_partkeydef} of a partitioned table ({@code RANGE (created_at)}), else null
 * @param partitionOf   the parent and bound of a partition, else null
 * @param inherits      parents by (non-partition) inheritance, in order
 * @param columns       in column order
 */
public record Table(QualifiedName name, String owner, boolean unlogged, String partitionKey,
                    Partitioning partitionOf, List<QualifiedName> inherits, List<Column> columns,
                    List<Constraint> constraints, List<Index> indexes, List<Trigger> triggers,
                    boolean rowSecurity, boolean forceRowSecurity, List<Policy> policies, List<Grant> grants,
                    String comment) {

    public Column column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst().orElse(null);
    }
}
