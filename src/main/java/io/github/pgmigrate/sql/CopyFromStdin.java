package io.github.pgmigrate.sql;

import java.util.List;

/** {@code COPY … FROM stdin} is followed by data rows that only psql knows how to send. */
final class CopyFromStdin {
    private CopyFromStdin() {
    }

    static void reject(Statement statement) throws SqlSyntaxException {
        if (!statement.text().regionMatches(true, 0, "copy", 0, 4)) {
            return;
        }
        List<Token> tokens = SqlTokenizer.tokenize(statement.text());
        if (tokens.isEmpty() || !tokens.get(0).isWord("copy")) {
            return;
        }
        int depth = 0;
        for (int i = 1; i + 1 < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && token.isWord("from") && tokens.get(i + 1).isWord("stdin")) {
                throw new SqlSyntaxException(statement.line(), statement.column(),
                        "COPY … FROM stdin cannot run over JDBC: the data rows after it are psql input, not SQL",
                        "load the rows with INSERT … VALUES statements, or COPY FROM a file on the database server");
            }
        }
    }
}
