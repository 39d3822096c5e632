package io.github.pgmigrate.sql;

import java.util.List;

/**
 * One statement of a migration file, as Atlas's PostgreSQL scanner cuts it: the exact source slice, trimmed,
 * including its delimiter (unless a custom delimiter is in force), with the comments directly attached before it.
 *
 * @param text     the statement text; feeds statement counts, partial hashes and error reports
 * @param offset   character offset of the statement's first character in the file
 * @param line     1-based line of {@code offset}
 * @param column   1-based column of {@code offset}
 * @param comments the comments attached to the statement (not part of {@code text}); directives live here
 */
public record Statement(String text, int offset, int line, int column, List<String> comments) {

    public Statement {
        comments = List.copyOf(comments);
    }

    /**
     * The text on a single line, for log lines and error messages. Comments are left out: flattened, a {@code --}
     * comment would seem to swallow the rest of the statement.
     */
    public String oneLine() {
        StringBuilder line = new StringBuilder(text.length());
        int previousEnd = -1;
        for (Token token : SqlTokenizer.tokenize(text)) {
            if (previousEnd >= 0 && token.offset() > previousEnd) {
                line.append(' ');
            }
            line.append(token.text());
            previousEnd = token.offset() + token.text().length();
        }
        return line.toString().replaceAll("\\s+", " ");
    }
}
