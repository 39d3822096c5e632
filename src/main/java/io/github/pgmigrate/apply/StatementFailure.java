package io.github.pgmigrate.apply;

import io.github.pgmigrate.database.SqlErrors;
import io.github.pgmigrate.sql.Statement;
import java.sql.SQLException;
import org.postgresql.util.ServerErrorMessage;

/** Turns a server error into a message that names file:line, the statement and {@link SqlErrors#describe}. */
final class StatementFailure {
    private static final int MAX_STATEMENT_CHARS = 300;

    private StatementFailure() {
    }

    static int lineOf(Statement statement, SQLException e) {
        ServerErrorMessage server = SqlErrors.serverError(e);
        int position = server == null ? 0 : server.getPosition();
        String text = statement.text();
        if (position <= 0 || position > text.length()) {
            return statement.line();
        }
        int line = statement.line();
        for (int i = 0; i < position - 1; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    static MigrationFailedException of(String fileName, int index, int total, Statement statement,
                                       SQLException e, String outcome, java.util.function.UnaryOperator<String> scrub,
                                       boolean transactional) {
        ServerErrorMessage server = SqlErrors.serverError(e);
        String message = scrub.apply(SqlErrors.serverMessage(e));
        int line = lineOf(statement, e);
        StringBuilder text = new StringBuilder()
                .append(fileName).append(':').append(line).append(": statement ").append(index + 1).append(" of ")
                .append(total).append(" failed: ").append(SqlErrors.describe(e, scrub));
        text.append("\n    ").append(abbreviate(scrub.apply(statement.oneLine())));
        if (server != null && server.getDetail() != null) {
            text.append("\n  detail: ").append(scrub.apply(server.getDetail()));
        }
        if (server != null && server.getWhere() != null) {
            text.append("\n  where: ").append(scrub.apply(server.getWhere()));
        }
        text.append("\n  ").append(outcome);
        int underscore = fileName.indexOf('_');
        String hint = ErrorHints.forStatement(e.getSQLState(), message, transactional, statement.text(),
                underscore > 0 ? fileName.substring(0, underscore) : null);
        if (server != null && server.getHint() != null) {
            hint = hint == null ? "server hint: " + server.getHint() : hint + " (server hint: " + server.getHint() + ")";
        }
        return new MigrationFailedException(text.toString(), hint, fileName, line, e.getSQLState(), e);
    }

    static String abbreviate(String text) {
        return text.length() <= MAX_STATEMENT_CHARS ? text : text.substring(0, MAX_STATEMENT_CHARS) + " …";
    }
}
