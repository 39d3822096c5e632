package io.github.pgmigrate.ddl;

import java.util.List;

/**
 * A column type, with PostgreSQL's spellings reduced to one canonical name: {@code integer}/{@code int} are
 * {@code int4}, {@code character varying} is {@code varchar}, {@code character}/{@code char} are {@code bpchar},
 * {@code timestamp with time zone} is {@code timestamptz}, {@code serial} is {@code serial4}, and so on.
 *
 * @param schema    the schema when written qualified (e.g. {@code pg_catalog}), else null
 * @param name      the canonical name (a quoted name is kept as written, e.g. {@code char} for {@code "char"})
 * @param quoted    whether the name was a quoted identifier (then it is not one of the built-in spellings)
 * @param modifiers the type modifiers inside the parentheses, as written (e.g. {@code ["10"]}, {@code ["12", "2"]})
 * @param array     whether it is an array type
 * @param written   the type as written, for messages
 * @param span      where it is written in the statement
 */
public record TypeName(String schema, String name, boolean quoted, List<String> modifiers, boolean array, String written,
                       Span span) {

    public TypeName {
        modifiers = List.copyOf(modifiers);
    }

    /** Whether this is the built-in type {@code canonical} (unqualified or qualified with pg_catalog). */
    public boolean is(String canonical) {
        return !quoted && name.equals(canonical) && (schema == null || schema.equals("pg_catalog"));
    }

    public boolean isAnyOf(String... canonical) {
        for (String c : canonical) {
            if (is(c)) {
                return true;
            }
        }
        return false;
    }

    public boolean hasModifiers() {
        return !modifiers.isEmpty();
    }

    public boolean isSerial() {
        return isAnyOf("serial2", "serial4", "serial8");
    }

    @Override
    public String toString() {
        return written;
    }
}
