package io.github.pgmigrate.ddl;

import io.github.pgmigrate.sql.Token;
import java.util.List;

/**
 * A column as declared in {@code CREATE TABLE} or {@code ADD COLUMN}, with its inline constraints.
 *
 * @param name          the folded column name
 * @param type          its type (null for a typeless column of {@code CREATE TABLE … PARTITION OF})
 * @param notNull       {@code NOT NULL} was declared
 * @param defaultValue  the tokens of the {@code DEFAULT} expression, or null when there is no default
 * @param generated     how the column is generated, if it is
 * @param primaryKey    inline {@code PRIMARY KEY}
 * @param unique        inline {@code UNIQUE}
 * @param references    the table of an inline {@code REFERENCES}, else null
 * @param check         the tokens of an inline {@code CHECK (…)}, or null
 * @param span          the whole definition, from the name to its last constraint
 */
public record ColumnDefinition(Identifier name, TypeName type, boolean notNull, List<Token> defaultValue,
                               Generated generated, boolean primaryKey, boolean unique, QualifiedName references,
                               List<Token> check, Span span) {

    /** How a column's values are produced when it is generated. */
    public enum Generated {
        NONE,
        /** {@code GENERATED ALWAYS AS (expr) STORED}. */
        STORED,
        /** {@code GENERATED ALWAYS AS (expr) VIRTUAL} (PostgreSQL 18). */
        VIRTUAL,
        /** {@code GENERATED ALWAYS AS (expr)} without a keyword: STORED before PostgreSQL 18 (required), VIRTUAL from 18. */
        UNSPECIFIED,
        /** {@code GENERATED {ALWAYS | BY DEFAULT} AS IDENTITY}. */
        IDENTITY
    }

    public boolean hasDefault() {
        return defaultValue != null;
    }
}
