package io.github.pgmigrate.command;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.config.ConnectionSettings;
import io.github.pgmigrate.database.DatabaseConnector;
import io.github.pgmigrate.database.SqlErrors;
import io.github.pgmigrate.history.HistoryRecorder;
import io.github.pgmigrate.history.HistoryTarget;
import io.github.pgmigrate.lock.AdvisoryLock;
import io.github.pgmigrate.lock.LockKey;
import io.github.pgmigrate.lock.LockTimeoutException;
import io.github.pgmigrate.revisions.Revision;
import io.github.pgmigrate.revisions.RevisionSchemaGuard;
import io.github.pgmigrate.revisions.RevisionTable;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * The frame of every goal that works on a database's history: open a connection, refuse an ambiguous revisions
 * schema ({@link RevisionSchemaGuard}), take the migration lock when asked, read the history, run the goal's own
 * work, release everything, and turn database errors into a {@link PgMigrateException} ({@link SqlErrors}: SQLSTATE,
 * no password). Nothing is created: a goal that writes calls {@link CommandContext#ensureTable} once it has decided
 * to write.
 *
 * <pre>{@code
 * StatusReport report = DatabaseCommand.on(connector, "reading the revisions failed")
 *         .run(context -> StatusReader.report(directory.files(), context.revisions(), order));
 * }</pre>
 */
public final class DatabaseCommand {
    private final DatabaseConnector connector;
    private final String failure;
    private Duration lockTimeout;
    private String lockHeldHint;
    private boolean readOnly;
    private Function<SQLException, String> hint = e -> null;
    private HistoryTarget history = HistoryTarget.ATLAS;

    private DatabaseCommand(DatabaseConnector connector, String failure) {
        this.connector = connector;
        this.failure = failure;
    }

    /** @param failure how a database error's message starts, e.g. "reading the revisions failed" */
    public static DatabaseCommand on(DatabaseConnector connector, String failure) {
        return new DatabaseCommand(connector, failure);
    }

    /**
     * Holds the migration lock (Atlas's, on the connection that runs the work) while the work runs. Behind a transaction pooler
     * there is no session lock: the work takes it inside its transactions ({@link CommandContext#commit}).
     *
     * @param timeout how long to wait for another run's lock; zero: one attempt, as Atlas's set does
     */
    public DatabaseCommand locked(Duration timeout) {
        this.lockTimeout = timeout;
        return this;
    }

    /**
     * Holds the migration lock, taken in one attempt as Atlas's {@code migrate set} takes it: while an apply runs,
     * the goal fails at once and says to run it when the apply has finished.
     *
     * @param goal the goal's name for the hint, e.g. "set"
     */
    public DatabaseCommand lockedOnce(String goal) {
        this.lockTimeout = Duration.ZERO;
        this.lockHeldHint = "an apply is running against this database; run " + goal + " when it has finished";
        return this;
    }

    /** Runs the work in read-only transactions (not behind a pooler, where session settings do not stick). */
    public DatabaseCommand readOnly(boolean value) {
        this.readOnly = value;
        return this;
    }

    /** Where the work reads and records the history ({@code history}); Atlas's revisions table by default. */
    public DatabaseCommand history(HistoryTarget target) {
        this.history = target;
        return this;
    }

    /** How to fix a database error the work did not handle itself; by default no hint. */
    public DatabaseCommand hint(Function<SQLException, String> hintOf) {
        this.hint = hintOf;
        return this;
    }

    public <T> T run(Work<T> work) throws PgMigrateException {
        ConnectionSettings settings = connector.settings();
        boolean pooler = connector.transactionPooler();
        try (Connection connection = connector.open()) {
            if (readOnly && !pooler) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
                }
            }
            // The lock lives on the connection that runs the work: PostgreSQL releases it only when that backend
            // ends, so when this process dies (kill -9, a cut connection) the next run waits until the statement it
            // left running has stopped, instead of running the same file from a second backend.
            try (AdvisoryLock lock = lockTimeout == null || pooler ? null
                    : AdvisoryLock.acquire(connection, LockKey.applyScope(settings.tenantSchema()), lockTimeout)) {
                RevisionSchemaGuard.check(connection, settings.target().searchPath(), settings.revisionsSchema());
                RevisionTable table = new RevisionTable(settings.effectiveRevisionsSchema());
                HistoryRecorder recorder = new HistoryRecorder(history, table);
                boolean exists = recorder.exists(connection);
                List<Revision> revisions = exists ? recorder.readAll(connection) : List.of();
                return work.run(new CommandContext(connection, settings, table, recorder,
                        exists && history == HistoryTarget.ATLAS, revisions, pooler));
            }
        } catch (SQLException e) {
            throw new PgMigrateException(failure + ": " + SqlErrors.describe(e, settings::scrub), hint.apply(e), e);
        } catch (LockTimeoutException e) {
            throw lockHeldHint == null ? e : new LockTimeoutException(e.getMessage(), lockHeldHint);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PgMigrateException("interrupted while waiting for the migration lock", null, e);
        }
    }

    /** A goal's own work, given the open connection and the history. */
    @FunctionalInterface
    public interface Work<T> {
        T run(CommandContext context) throws SQLException, PgMigrateException;
    }
}
