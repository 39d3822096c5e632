package io.github.pgmigrate.ddl;

import io.github.pgmigrate.sql.Token;

/**
 * Where an element (a column definition, a constraint, a type name, an ALTER TABLE sub-command) stands in the text of
 * its statement: character offsets relative to the statement text, end exclusive. The linter maps them to file lines
 * and columns through the statement's own offset.
 *
 * @param start offset of the element's first character
 * @param end   offset just after its last character
 */
public record Span(int start, int end) {

    /** From the start of {@code first} to the end of {@code last}. */
    public static Span of(Token first, Token last) {
        return new Span(first.offset(), last.offset() + last.text().length());
    }
}
