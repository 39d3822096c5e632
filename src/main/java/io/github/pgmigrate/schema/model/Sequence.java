package io.github.pgmigrate.schema.model;

import java.util.List;

/**
 * A sequence that is not an identity column's own.
 *
 * @param ownedBy the column the sequence belongs to ({@code OWNED BY}), else null
 */
public record Sequence(QualifiedName name, String owner, String type, long start, long increment, long minValue,
                       long maxValue, long cache, boolean cycle, ColumnRef ownedBy, List<Grant> grants,
                       String comment) {
}
