package io.github.pgmigrate.lint;

import io.github.pgmigrate.ddl.Span;
import io.github.pgmigrate.sql.SourceText;
import io.github.pgmigrate.sql.Statement;

/**
 * A stretch of a migration file in 1-based lines and columns, the end column exclusive.
 *
 * @param line      first line
 * @param column    first column
 * @param endLine   last line
 * @param endColumn the column after the last character
 */
record SourceRegion(int line, int column, int endLine, int endColumn) {

    /** A point: one character wide. */
    static SourceRegion at(int line, int column) {
        return new SourceRegion(line, column, line, column + 1);
    }

    /** The element at {@code span} of {@code statement} (the whole statement when span is null). */
    static SourceRegion of(SourceText file, Statement statement, Span span) {
        int start = statement.offset() + (span == null ? 0 : span.start());
        int end = statement.offset() + (span == null ? statement.text().length() : span.end());
        SourceText.Position from = file.positionOf(start);
        SourceText.Position to = file.positionOf(Math.max(start, end - 1));
        return new SourceRegion(from.line(), from.column(), to.line(), to.column() + 1);
    }
}
