package io.github.pgmigrate.database;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
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
 * The only code that uses pgjdbc's internal API ({@code org.postgresql.core}), which may change in any pgjdbc
 * release: PipelineTest and PgjdbcInternalsTest must pass before pgjdbc is upgraded (see {@code pgjdbc.version} in
 * pom.xml).
 */
public final class PgjdbcInternals {
    private static final int[] NO_BINDS = new int[0];

    private PgjdbcInternals() {
    }

    /** {@code server_version_num} from the server_version the server reported at start-up: no round trip. */
    public static int serverVersionNum(Connection connection) throws SQLException {
        return connection.unwrap(BaseConnection.class).getQueryExecutor().getServerVersionNum();
    }

    /**
     * Each statement as its own unnamed Parse/Bind/Execute, all before a single Sync, passed through verbatim (no
     * re-splitting, no {@code ?} placeholders); every CommandComplete reaches the handler, so the statement that
     * failed is known exactly.
     */
    static Pipeline.Outcome runPipelined(Connection connection, List<String> statements) throws SQLException {
        QueryExecutor executor = connection.unwrap(BaseConnection.class).getQueryExecutor();
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
        return new Pipeline.Outcome(counter.completed, counter.getException(), counter.rows, counter.notices);
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
                        values.add(value == null ? null : new String(value, StandardCharsets.UTF_8));
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
        public void handleWarning(SQLWarning warning) {
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
