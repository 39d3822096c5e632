package io.github.pgmigrate.revert;

import io.github.pgmigrate.apply.ConnectionLoss;
import io.github.pgmigrate.apply.MigrationFailedException;
import io.github.pgmigrate.database.Pipeline;
import io.github.pgmigrate.database.SqlErrors;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Runs a {@link Revert} on one connection. Consecutive statements that may run in a transaction share one, and the
 * last such transaction also carries the bookkeeping (the removal of the revision row), so a revert without
 * non-transactional statements commits whole with its history or not at all. A statement that cannot run in a
 * transaction runs alone, as apply runs it.
 */
final class RevertRunner {
    private static final int MAX_STATEMENT_CHARS = 300;

    private final Connection connection;
    private final UnaryOperator<String> scrub;

    RevertRunner(Connection connection, UnaryOperator<String> scrub) {
        this.connection = connection;
        this.scrub = scrub;
    }

    /**
     * @param bookkeeping  statements that record the revert (the revision row's removal), or none on a dev database
     * @param stillApplied what the history says when the revert fails, for the message
     * @param next         how to go on after a failure, for the message
     */
    void run(Revert revert, List<String> bookkeeping, String stillApplied, String next)
            throws MigrationFailedException {
        List<Revert.RevertStatement> statements = revert.statements();
        int batchStart = 0;
        for (int i = 0; i < statements.size(); i++) {
            if (!statements.get(i).transactional()) {
                transaction(revert, batchStart, i, List.of(), stillApplied, next);
                single(revert, i, stillApplied, next);
                batchStart = i + 1;
            }
        }
        transaction(revert, batchStart, statements.size(), bookkeeping, stillApplied, next);
    }

    private void transaction(Revert revert, int from, int to, List<String> bookkeeping, String stillApplied,
                             String next) throws MigrationFailedException {
        if (from == to && bookkeeping.isEmpty()) {
            return;
        }
        List<String> sql = new ArrayList<>();
        sql.add("BEGIN");
        revert.statements().subList(from, to).forEach(statement -> sql.add(statement.sql()));
        sql.addAll(bookkeeping);
        sql.add("COMMIT");
        Pipeline.Outcome outcome = send(sql);
        if (outcome.succeeded()) {
            return;
        }
        SQLException e = outcome.failure();
        if (ConnectionLoss.is(e, connection)) {
            throw new MigrationFailedException(revert.source() + ": the connection to the database was lost during"
                    + " the revert: " + SqlErrors.describe(e, scrub) + "\n  Whether its transaction committed is not"
                    + " known here: the statements and the revision row's removal commit together, so status shows"
                    + " which; " + next + ".", "check the network and the server, then run down again",
                    revert.source(), 1, e.getSQLState(), e);
        }
        send(List.of("ROLLBACK"));
        int failed = from + outcome.completed() - 1;
        String state = "The transaction was rolled back" + (from > 0 ? " (statements before " + (from + 1)
                + " ran outside a transaction and stay)" : "") + "; " + stillApplied + "; " + next + ".";
        if (failed >= from && failed < to) {
            throw failure(revert, failed, e, state);
        }
        throw new MigrationFailedException(revert.source() + ": " + (failed < from ? "starting" : "committing")
                + " the revert failed: " + SqlErrors.describe(e, scrub) + "\n  " + state, null,
                revert.source(), 1, e.getSQLState(), e);
    }

    private void single(Revert revert, int index, String stillApplied, String next) throws MigrationFailedException {
        Pipeline.Outcome outcome = send(List.of(revert.statements().get(index).sql()));
        if (!outcome.succeeded()) {
            throw failure(revert, index, outcome.failure(), "It cannot run in a transaction: statements 1 to "
                    + index + " stay applied; " + stillApplied + "; " + next + ".");
        }
    }

    private MigrationFailedException failure(Revert revert, int index, SQLException e, String state) {
        Revert.RevertStatement statement = revert.statements().get(index);
        String text = scrub.apply(statement.sql().replaceAll("\\s+", " ").strip());
        if (text.length() > MAX_STATEMENT_CHARS) {
            text = text.substring(0, MAX_STATEMENT_CHARS) + " …";
        }
        String where = revert.source() + (statement.line() > 0 ? ":" + statement.line() : "");
        return new MigrationFailedException(where + ": statement " + (index + 1) + " of " + revert.statements().size()
                + " failed: " + SqlErrors.describe(e, scrub) + "\n    " + text + "\n  " + state,
                revert.handWritten() != null ? "fix " + revert.handWritten() + " and run down again"
                        : "write the revert by hand in " + HandWrittenDowns.relativePath(revert.migration().version())
                        + " under the migration directory", revert.source(), Math.max(1, statement.line()),
                e.getSQLState(), e);
    }

    private Pipeline.Outcome send(List<String> sql) {
        try {
            return Pipeline.run(connection, sql);
        } catch (SQLException e) {
            return new Pipeline.Outcome(0, e, List.of(), List.of());
        }
    }
}
