package io.github.pgmigrate.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Sends several SQL statements to the server in one network round trip and tells how many of them completed before
 * the first failure.
 *
 * <p>Plain JDBC cannot do this: {@code Statement.execute} with many statements loses the results that came before
 * an error, and {@code executeBatch} rejects statements that return rows (a migration may well {@code SELECT
 * set_config(…)}). pgjdbc's query executor can ({@link PgjdbcInternals#runPipelined}). The statements are passed
 * through verbatim: pgjdbc neither splits them again nor looks for {@code ?} placeholders (a migration's
 * {@code jsonb ? 'key'} stays an operator).
 *
 * <p>Everything before the Sync runs in one implicit transaction unless the statements manage transactions
 * themselves ({@code BEGIN} … {@code COMMIT}), so statements that refuse transaction blocks (CREATE INDEX
 * CONCURRENTLY) must be sent one per pipeline.
 */
public final class Pipeline {

    private Pipeline() {
    }

    /**
     * Runs the statements in order in one round trip.
     *
     * @return how many completed and the error of the first that failed (the server skips the rest)
     */
    public static Outcome run(Connection connection, List<String> statements) throws SQLException {
        return PgjdbcInternals.runPipelined(connection, statements);
    }

    /**
     * What happened to a pipeline.
     *
     * @param completed how many statements completed (they form a prefix of the list)
     * @param failure   the error of the statement at index {@code completed}, or null when all completed
     * @param rows      the rows of every statement that returned some, in order (each row as text values)
     * @param notices   the server's notices and warnings (RAISE NOTICE, "… already exists, skipping"), in order
     */
    public record Outcome(int completed, SQLException failure, List<List<String>> rows, List<String> notices) {
        public boolean succeeded() {
            return failure == null;
        }
    }
}
