package io.github.pgmigrate.revisions;

import io.github.pgmigrate.database.Pipeline;
import io.github.pgmigrate.lock.LockKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Creates the history's schemas and tables when they are missing, in one round trip. */
public final class RevisionsBootstrap {
    private RevisionsBootstrap() {
    }

    /**
     * @param pooler        behind a transaction pooler there is no session lock, so first runs are serialised with
     *                      the lock's key for this transaction (elsewhere this run's own lock connection holds it)
     * @param localTimeouts {@code SET LOCAL} statements that bound the wait for that lock
     * @param statements    what creates the missing tables; nothing is sent when empty
     */
    public static void ensure(Connection connection, List<String> statements, boolean pooler,
                              List<String> localTimeouts) throws SQLException {
        if (statements.isEmpty()) {
            return;
        }
        List<String> create = new ArrayList<>();
        create.add("BEGIN");
        if (pooler) {
            create.addAll(localTimeouts);
            create.add("SELECT pg_advisory_xact_lock(" + LockKey.apply() + ")");
        }
        create.addAll(statements);
        create.add("COMMIT");
        Pipeline.Outcome outcome = Pipeline.run(connection, create);
        if (!outcome.succeeded()) {
            rollBack(connection, outcome.failure());
            throw outcome.failure();
        }
    }

    /** Ends the failed transaction; on a connection that broke, the original failure is what the user sees. */
    private static void rollBack(Connection connection, SQLException failure) {
        try {
            Pipeline.run(connection, List.of("ROLLBACK"));
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
