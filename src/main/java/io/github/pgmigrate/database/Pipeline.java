package io.github.pgmigrate.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.Field;
import org.postgresql.core.NativeQuery;
import org.postgresql.core.Query;
import org.postgresql.core.QueryExecutor;
import org.postgresql.core.ResultCursor;
import org.postgresql.core.ResultHandlerBase;
import org.postgresql.core.SqlCommand;
import org.postgresql.core.Tuple;

/**
 * Sends several SQL statements to the server in one network round trip and tells how many of them completed before
 * the first failure.
 *
 * <p>Plain JDBC cannot do this: {@code Statement.execute} with many statements loses the results that came before
 * an error, and {@code executeBatch} rejects statements that return rows (a migration may well {@code SELECT
 * set_config(…)}). pgjdbc's query executor can: each statement is sent as its own unnamed Parse/Bind/Execute, all
 * before a single Sync, and every CommandComplete reaches our handler, so the statement that failed is known
 * exactly. The statements are passed through verbatim: pgjdbc neither splits them again nor looks for {@code ?}
 * placeholders (a migration's {@code jsonb ? 'key'} stays an operator).
 *
 * <p>Everything before the Sync runs in one implicit transaction unless the statements manage transactions
 * themselves ({@code BEGIN} … {@code COMMIT}), so statements that refuse transaction blocks (CREATE INDEX
 * CONCURRENTLY) must be sent one per pipeline.
 */
public final class Pipeline {

    private static final int[] NO_BINDS = new int[0];

    private Pipeline() {
    }

    /**
     * Runs the statements in order in one round trip.
     *
     * @return how many completed and the error of the first that failed (the server skips the rest)
     */
    public static Outcome run(Connection connection, List<String> statements) throws SQLException {
        BaseConnection pg = connection.unwrap(BaseConnection.class);
        QueryExecutor executor = pg.getQueryExecutor();
        List<NativeQuery> queries = new ArrayList<>(statements.size());
        for (String sql : statements) {
            queries.add(new NativeQuery(sql, NO_BINDS, false, SqlCommand.BLANK));
        }
        Query query = executor.wrap(queries);
        Counter counter = new Counter();
        int flags = QueryExecutor.QUERY_ONESHOT | QueryExecutor.QUERY_SUPPRESS_BEGIN
                | QueryExecutor.QUERY_NO_BINARY_TRANSFER;
        try {
            executor.execute(query, null, counter, 0, 0, flags);
        } finally {
            query.close();
        }
        return new Outcome(counter.completed, counter.getException(), counter.rows, counter.notices);
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

    private static final class Counter extends ResultHandlerBase {
        private int completed;
        private final List<List<String>> rows = new ArrayList<>();
        private final List<String> notices = new ArrayList<>();

        @Override
        public void handleResultRows(Query fromQuery, Field[] fields, List<Tuple> tuples, ResultCursor cursor) {
            if (getException() == null) {
                completed++;
                for (Tuple tuple : tuples) {
                    List<String> values = new ArrayList<>(tuple.fieldCount());
                    for (int i = 0; i < tuple.fieldCount(); i++) {
                        byte[] value = tuple.get(i);
                        values.add(value == null ? null : new String(value, java.nio.charset.StandardCharsets.UTF_8));
                    }
                    rows.add(values);
                }
            }
        }

        @Override
        public void handleCompletion() {
            // The failure is returned in the Outcome rather than thrown, so the caller learns where it happened.
        }

        @Override
        public void handleWarning(java.sql.SQLWarning warning) {
            // Notices (RAISE NOTICE, "relation already exists, skipping") are not failures, but worth showing.
            notices.add(warning.getMessage());
        }

        @Override
        public void handleCommandStatus(String status, long updateCount, long insertOID) {
            if (getException() == null) {
                completed++;
            }
        }
    }
}
