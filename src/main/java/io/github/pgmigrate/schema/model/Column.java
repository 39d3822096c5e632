package io.github.pgmigrate.schema.model;

/**
 * A table column.
 *
 * @param type               as {@code format_type} prints it, modifiers included ({@code character varying(20)})
 * @param collation          a collation other than the type's default, qualified, or null
 * @param defaultExpression  {@code pg_get_expr} of the default, or null
 * @param identity           {@link Identity#NONE} unless an identity column
 * @param generated          the expression of a generated column, or null
 * @param generatedStorage   {@code STORED} or {@code VIRTUAL} (PostgreSQL 18) when generated, else null
 * @param inherited          true when the column comes only from a parent table (not declared locally)
 */
public record Column(String name, String type, String collation, boolean notNull, String defaultExpression,
                     Identity identity, String generated, String generatedStorage, boolean inherited,
                     String comment) {

    public enum Identity {
        NONE, ALWAYS, BY_DEFAULT
    }
}
