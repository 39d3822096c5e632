package io.github.pgmigrate.command;

import io.github.pgmigrate.config.ConnectionSettings;
import io.github.pgmigrate.database.PgjdbcInternals;
import io.github.pgmigrate.database.Pipeline;
import io.github.pgmigrate.history.HistoryRecorder;
import io.github.pgmigrate.lock.LockKey;
import io.github.pgmigrate.revisions.Revision;
import io.github.pgmigrate.revisions.RevisionTable;
import io.github.pgmigrate.revisions.RevisionsBootstrap;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** What a {@link DatabaseCommand}'s work gets: the connection, where the history lives and what it holds. */
public final class CommandContext {
    private final Connection connection;
    private final ConnectionSettings settings;
    private final RevisionTable table;
    private final HistoryRecorder recorder;
    private final List<Revision> revisions;
    private final boolean transactionPooler;
    /** Whether every table the recorder writes is known to exist. */
    private boolean tableExists;

    CommandContext(Connection connection, ConnectionSettings settings, RevisionTable table, HistoryRecorder recorder,
                   boolean tableExists, List<Revision> revisions, boolean transactionPooler) {
        this.connection = connection;
        this.settings = settings;
        this.table = table;
        this.recorder = recorder;
        this.tableExists = tableExists;
        this.revisions = List.copyOf(revisions);
        this.transactionPooler = transactionPooler;
    }

    public Connection connection() {
        return connection;
    }

    public ConnectionSettings settings() {
        return settings;
    }

    public RevisionTable table() {
        return table;
    }

    /** Where this run records applied and removed versions ({@code history}). */
    public HistoryRecorder recorder() {
        return recorder;
    }

    /** The history as read when the command started, in version order; empty when there is no revisions table. */
    public List<Revision> revisions() {
        return revisions;
    }

    public boolean transactionPooler() {
        return transactionPooler;
    }

    /** {@code server_version_num} of the server, e.g. 170002. */
    public int serverVersionNum() throws SQLException {
        return PgjdbcInternals.serverVersionNum(connection);
    }

    /**
     * Creates the history tables the run writes ({@link #recorder()}) if they are missing.
     *
     * @param localTimeouts {@code SET LOCAL} statements that bound the wait for the lock behind a pooler
     */
    public void ensureTable(List<String> localTimeouts) throws SQLException {
        if (!tableExists) {
            RevisionsBootstrap.ensure(connection, recorder.createStatements(connection), transactionPooler,
                    localTimeouts);
            tableExists = true;
        }
    }

    /**
     * Behind a transaction pooler, where the session holds no lock: the statement that takes the migration lock in
     * the current transaction, in one attempt, or fails it; otherwise nothing (the session holds the lock).
     */
    public List<String> lockInTransaction() {
        return !transactionPooler ? List.of() : List.of("DO $pgmigrate_lock$ BEGIN IF NOT pg_try_advisory_xact_lock("
                + LockKey.apply() + ") THEN RAISE EXCEPTION 'acquiring database lock: lock is held by other session';"
                + " END IF; END $pgmigrate_lock$");
    }

    /**
     * Runs the statements in one transaction (one round trip), creating the revisions table first if needed. Behind
     * a transaction pooler the transaction first takes the migration lock, in one attempt, or fails.
     */
    public void commit(List<String> statements) throws SQLException {
        ensureTable(List.of());
        List<String> sql = new ArrayList<>();
        sql.add("BEGIN");
        sql.addAll(lockInTransaction());
        sql.addAll(statements);
        sql.add("COMMIT");
        Pipeline.Outcome outcome = Pipeline.run(connection, sql);
        if (!outcome.succeeded()) {
            Pipeline.run(connection, List.of("ROLLBACK"));
            throw outcome.failure();
        }
    }
}
