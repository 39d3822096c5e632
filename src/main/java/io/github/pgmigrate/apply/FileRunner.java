package io.github.pgmigrate.apply;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.config.ConnectionSettings;
import io.github.pgmigrate.database.PgjdbcInternals;
import io.github.pgmigrate.database.Pipeline;
import io.github.pgmigrate.database.SqlErrors;
import io.github.pgmigrate.database.SqlLiterals;
import io.github.pgmigrate.ddl.NonTransactional;
import io.github.pgmigrate.history.HistoryRecorder;
import io.github.pgmigrate.lock.LockKey;
import io.github.pgmigrate.lock.LockTimeoutException;
import io.github.pgmigrate.output.Output;
import io.github.pgmigrate.revisions.PartialHashes;
import io.github.pgmigrate.revisions.Revision;
import io.github.pgmigrate.revisions.RevisionType;
import io.github.pgmigrate.sql.Statement;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one planned file and keeps its revision row as Atlas does. A transactional file travels as one pipeline
 * (BEGIN, SET LOCAL timeouts, its statements, the revision upsert, COMMIT): one round trip, plus a ROLLBACK when it
 * fails. A non-transactional file runs statement by statement, each followed by its durable progress, and resumes
 * after a failure at the statement that failed.
 */
final class FileRunner {
    private final Connection connection;
    private final HistoryRecorder history;
    private final ApplyOptions options;
    private final ConnectionSettings settings;
    private final String operatorVersion;
    private final boolean pooler;
    private final Output out;

    FileRunner(Connection connection, HistoryRecorder history, ApplyOptions options, ConnectionSettings settings,
               String operatorVersion, boolean pooler, Output out) {
        this.out = out;
        this.connection = connection;
        this.history = history;
        this.options = options;
        this.settings = settings;
        this.operatorVersion = operatorVersion;
        this.pooler = pooler;
    }

    /** Where a partially applied file resumes, after checking that its applied statements did not change. */
    int resumeAt(FilePlan plan, Revision row) throws PgMigrateException {
        if (row == null || !row.isPartial() || row.applied() == 0) {
            return 0;
        }
        List<String> stored = row.partialHashes() == null ? List.of() : row.partialHashes();
        List<String> current = PartialHashes.of(plan.statements());
        int changed = stored.size() < row.applied() ? stored.size()
                : PartialHashes.firstChanged(stored.subList(0, (int) row.applied()), current);
        if (changed >= 0) {
            throw new PgMigrateException("history changed: statement " + (changed + 1) + " from file \""
                    + plan.file().name() + "\" changed",
                    "statements 1 to " + row.applied() + " of this file were applied before it failed and must"
                            + " stay as they were; only the failing statement and those after it may change."
                            + " Restore them, or repair the database by hand and record the version with mvn"
                            + " pgmigrate:set");
        }
        return (int) row.applied();
    }

    void runTransactional(FilePlan plan, Revision row, int start, boolean begin, boolean commit,
                                  boolean all) throws SQLException, PgMigrateException {
        List<String> sql = new ArrayList<>();
        if (begin) {
            sql.add("BEGIN");
            sql.addAll(timeoutsLocal());
            if (pooler) {
                sql.add("SELECT pg_advisory_xact_lock(" + LockKey.apply() + ")");
            }
        }
        if (pooler) {
            sql.add(concurrentRunGuard(plan, row));
        }
        int prefix = sql.size();
        List<Statement> statements = plan.statements();
        for (Statement statement : statements.subList(start, statements.size())) {
            sql.add(statement.text());
        }
        Revision base = row != null ? row : new Revision(plan.file().version(), plan.file().description(),
                RevisionType.EXECUTE, 0, statements.size(), null, 0, "", "", plan.hash(), null, operatorVersion);
        sql.addAll(history.upsertTimedByServer(base.completed(statements.size(), 0, plan.hash(), operatorVersion),
                plan.file()));
        if (commit) {
            sql.add("COMMIT");
        }
        Pipeline.Outcome outcome = send(sql, plan.file().name() + ": " + Heartbeat.statements(start,
                statements.size()));
        showNotices(plan, outcome);
        if (outcome.succeeded()) {
            return;
        }
        SQLException e = outcome.failure();
        int index = outcome.completed();
        if (ConnectionLoss.is(e, connection)) {
            int statementIndex = Math.max(0, Math.min(start + index - prefix, statements.size()));
            String sent = statementIndex < statements.size()
                    ? "statement " + (statementIndex + 1) + " of " + statements.size() + " (line "
                    + statements.get(statementIndex).line() + ") was running or waiting to run"
                    : commit ? "every statement had run; the COMMIT was sent" : "every statement had run";
            throw lost(plan, statementIndex < statements.size() ? statements.get(statementIndex).line() : 1, e,
                    sent + " when the connection broke. " + (commit
                            ? "Whether the transaction committed is not known here: the file's changes and its"
                            + " revision row commit together, so the next apply (or status) reads from the revisions"
                            + " table whether it did, and runs the file again only if it did not."
                            : "The transaction (txMode all) had not been committed: nothing of it stays."));
        }
        Pipeline.run(connection, List.of("ROLLBACK"));
        String rolledBack = all
                ? "txMode all: every file of this run was rolled back; the database is as it was before the run."
                : "The file ran in a transaction and was rolled back; the database is as it was before it.";
        if (index < prefix) {
            throw setupFailure(plan, e);
        }
        int statementIndex = start + index - prefix;
        if (statementIndex < statements.size()) {
            throw StatementFailure.of(plan.file().name(), statementIndex, statements.size(),
                    statements.get(statementIndex), e, rolledBack, settings::scrub, true);
        }
        throw new MigrationFailedException(plan.file().name() + ": "
                + (index == sql.size() - 1 && commit ? "COMMIT failed" : "recording the revision failed") + ": "
                + SqlErrors.describe(e, settings::scrub) + "\n  " + rolledBack,
                ErrorHints.forStatement(e.getSQLState(), e.getMessage(), true), plan.file().name(), 1,
                e.getSQLState(), e);
    }

    private PgMigrateException setupFailure(FilePlan plan, SQLException e) {
        String message = SqlErrors.serverMessage(e);
        if ("55P03".equals(e.getSQLState())) {
            return new LockTimeoutException("acquiring database lock: lock is held by other session (waited "
                    + options.lockTimeout().toMillis() + " ms before " + plan.file().name() + ")",
                    "another pgmigrate or Atlas apply is running against this database; wait for it or raise"
                            + " -Dpgmigrate.lockTimeout");
        }
        if (message.startsWith("pgmigrate:")) {
            return new AppliedMeanwhileException(plan.file().name() + ": " + message.substring("pgmigrate:".length())
                    .strip(), "another apply ran at the same time; run apply again to see what is left",
                    plan.file().version());
        }
        return new PgMigrateException(plan.file().name() + ": preparing the transaction failed: "
                + SqlErrors.describe(e, settings::scrub), null, e);
    }

    /**
     * Behind a transaction pooler the lock lives only as long as the file's transaction; this statement then
     * makes sure no other run touched the file's revision since we planned.
     */
    private String concurrentRunGuard(FilePlan plan, Revision row) {
        String expected = row == null ? "NULL" : Long.toString(row.applied());
        String tag = "$pgmigrate_guard$";
        return "DO " + tag + " BEGIN IF " + history.appliedCountSql(plan.file().version()) + " IS DISTINCT FROM "
                + expected + " THEN RAISE EXCEPTION '%', "
                + SqlLiterals.string("pgmigrate: version " + plan.file().version()
                + " was applied by another run in the meantime") + "; END IF; END " + tag;
    }

    List<String> timeoutsLocal() {
        List<String> sql = new ArrayList<>();
        if (!options.lockTimeout().isZero()) {
            sql.add("SET LOCAL lock_timeout = '" + options.lockTimeout().toMillis() + "ms'");
        }
        if (!options.statementTimeout().isZero()) {
            sql.add("SET LOCAL statement_timeout = '" + options.statementTimeout().toMillis() + "ms'");
        }
        return sql;
    }

    /** Session-level timeouts for a file without a transaction (never behind a pooler, where they would leak). */
    private List<String> timeoutsSession(boolean reset) {
        List<String> sql = new ArrayList<>();
        if (pooler) {
            return sql;
        }
        if (!options.lockTimeout().isZero()) {
            sql.add(reset ? "RESET lock_timeout" : "SET lock_timeout = '" + options.lockTimeout().toMillis() + "ms'");
        }
        if (!options.statementTimeout().isZero()) {
            sql.add(reset ? "RESET statement_timeout"
                    : "SET statement_timeout = '" + options.statementTimeout().toMillis() + "ms'");
        }
        return sql;
    }

    /**
     * Runs a file without a file transaction, resuming at {@code start}. A statement that can run in a transaction
     * travels in one pipeline with its progress record, so both commit together (one implicit transaction) and no
     * fault can separate them. One that cannot (CREATE INDEX CONCURRENTLY, VACUUM, …) is first recorded as in flight;
     * the run that finds such a mark decides from the catalog whether it took effect ({@link InFlightCheck}).
     */
    void runNonTransactional(FilePlan plan, Revision existing, int start)
            throws SQLException, PgMigrateException {
        List<Statement> statements = plan.statements();
        List<String> hashes = PartialHashes.of(statements);
        Revision row = existing != null ? existing : new Revision(plan.file().version(),
                plan.file().description(), RevisionType.EXECUTE, 0, statements.size(),
                OffsetDateTime.now(ZoneOffset.UTC), 0, "", "", plan.hash(), null, operatorVersion);
        long fileStart = System.nanoTime();
        List<String> setup = new ArrayList<>(timeoutsSession(false));
        if (pooler) {
            // No session lock behind a pooler: claim the file under the lock's key in a short transaction, so a
            // concurrent run's guard sees the claim and stops instead of running the same statements.
            setup.add("BEGIN");
            setup.addAll(timeoutsLocal());
            setup.add("SELECT pg_advisory_xact_lock(" + LockKey.apply() + ")");
            setup.add(concurrentRunGuard(plan, existing));
            setup.addAll(history.upsert(row, plan.file()));
            setup.add("COMMIT");
            Pipeline.Outcome claimed = send(setup, null);
            if (!claimed.succeeded()) {
                if (ConnectionLoss.is(claimed.failure(), connection)) {
                    throw lost(plan, 1, claimed.failure(), "No statement of the file had been sent.");
                }
                Pipeline.run(connection, List.of("ROLLBACK"));
                throw setupFailure(plan, claimed.failure());
            }
        } else {
            setup.addAll(history.upsert(row, plan.file()));
            record(plan, setup, 1, "No statement of the file had been sent.");
        }
        int i = start;
        if (i < statements.size() && cannotRunInTransaction(statements.get(i))) {
            i = settle(plan, row, i, hashes, fileStart);
        }
        for (; i < statements.size(); i++) {
            Statement statement = statements.get(i);
            Revision done = i == statements.size() - 1
                    ? row.completed(statements.size(), System.nanoTime() - fileStart, plan.hash(), operatorVersion)
                    : row.withProgress(i + 1, hashes.subList(0, i + 1), "", "", System.nanoTime() - fileStart);
            String where = "statement " + (i + 1) + " of " + statements.size() + " (line " + statement.line() + ")";
            String running = plan.file().name() + ": " + Heartbeat.statement(i, statements.size(), statement.line());
            Pipeline.Outcome outcome;
            if (cannotRunInTransaction(statement)) {
                record(plan, history.upsert(row.withProgress(i, hashes.subList(0, i), Revision.IN_FLIGHT
                        + where + " cannot run in a transaction and was started; the next apply decides from the"
                        + " catalog whether it took effect", statement.text(), System.nanoTime() - fileStart),
                        plan.file()),
                        statement.line(), "Nothing of " + where + " had run.");
                outcome = send(List.of(statement.text()), running);
                showNotices(plan, outcome);
                if (!outcome.succeeded()) {
                    throw failed(plan, row, i, hashes, fileStart, outcome.failure(), where + " cannot run in a"
                            + " transaction and was marked in flight before it started; the next apply decides from"
                            + " the catalog whether it took effect.");
                }
                record(plan, history.upsert(done, plan.file()), statement.line(), where + " completed; recording"
                        + " that failed, so it is still marked in flight and the next apply checks the catalog.");
            } else {
                List<String> sql = new ArrayList<>();
                sql.add(statement.text());
                sql.addAll(history.upsert(done, plan.file()));
                outcome = send(sql, running);
                showNotices(plan, outcome);
                if (!outcome.succeeded()) {
                    throw failed(plan, row, i, hashes, fileStart, outcome.failure(), where + " and its progress"
                            + " record commit together, and whether they did is not known here; the next apply reads"
                            + " it from the revisions table and resumes right after the last committed statement.");
                }
            }
        }
        if (start >= statements.size()) {
            record(plan, history.upsert(row.completed(statements.size(), System.nanoTime() - fileStart,
                    plan.hash(), operatorVersion), plan.file()), 1, "Every statement had been recorded as applied.");
        }
        record(plan, timeoutsSession(true), 1, "Every statement had been recorded as applied.");
    }

    private boolean cannotRunInTransaction(Statement statement) throws SQLException {
        return NonTransactional.command(statement.text(), PgjdbcInternals.serverVersionNum(connection) / 10000)
                .isPresent();
    }

    /**
     * The statement at {@code index} cannot run in a transaction and an earlier run started it (it is marked in
     * flight) or saw it fail: asks the catalog what became of it. Returns where to go on.
     */
    private int settle(FilePlan plan, Revision row, int index, List<String> hashes, long fileStart)
            throws SQLException, PgMigrateException {
        Statement statement = plan.statements().get(index);
        String where = plan.file().name() + ":" + statement.line() + ": statement " + (index + 1);
        InFlightCheck check = new InFlightCheck(connection);
        java.util.Optional<Integer> running = row.isInFlight() ? check.stillRunning(statement.text())
                : java.util.Optional.empty();
        if (running.isPresent()) {
            throw new MigrationFailedException(where + " of " + plan.statements().size() + " is still running in"
                    + " backend pid " + running.get() + ", started by an earlier run that stopped",
                    "wait until it ends (or stop it with SELECT pg_cancel_backend(" + running.get() + ")), then run"
                            + " apply again: it decides from the catalog whether the statement took effect",
                    plan.file().name(), statement.line(), null, null);
        }
        InFlightCheck.Decision decision = check.decide(statement.text());
        if (!row.isInFlight()) {
            // It failed with an error from the server, so it runs again; only its half-built left-overs go first.
            if (decision.verdict() == InFlightCheck.Verdict.RUN_AGAIN) {
                cleanUp(plan, decision, statement, where);
            }
            return index;
        }
        switch (decision.verdict()) {
            case DONE -> {
                out.info("    " + where + " took effect in an earlier run (" + decision.reason()
                        + "); recording it");
                return recordDone(plan, row, index, hashes, fileStart);
            }
            case RUN_AGAIN -> {
                out.info("    " + where + " runs again: " + decision.reason());
                cleanUp(plan, decision, statement, where);
                return index;
            }
            default -> {
                if (options.inFlight() != InFlightResolution.CHECK) {
                    out.info("    " + where + ": " + decision.reason() + "; inFlight=" + options.inFlight()
                            .name().toLowerCase(java.util.Locale.ROOT) + " says it "
                            + (options.inFlight() == InFlightResolution.APPLIED ? "took effect" : "did not"));
                    return options.inFlight() == InFlightResolution.APPLIED
                            ? recordDone(plan, row, index, hashes, fileStart) : index;
                }
                throw new MigrationFailedException(where + " of " + plan.statements().size() + " was in flight when"
                        + " an earlier run stopped, and whether it took effect is unknown: " + decision.reason()
                        + ".\n    " + StatementFailure.abbreviate(settings.scrub(statement.text())),
                        "statements 1 to " + index + " of the file are applied and recorded; this one and the "
                                + (plan.statements().size() - index - 1) + " after it are not. Check whether it took"
                                + " effect, then run apply with -Dpgmigrate.inFlight=applied (it did: it is recorded"
                                + " and apply goes on with the next statement) or -Dpgmigrate.inFlight=rerun (it did"
                                + " not: it runs). Do not mark the file applied with set: the statements after it"
                                + " have not run", plan.file().name(), statement.line(), null, null);
            }
        }
    }

    private int recordDone(FilePlan plan, Revision row, int index, List<String> hashes, long fileStart)
            throws SQLException, PgMigrateException {
        Revision done = index == plan.statements().size() - 1 ? row.completed(plan.statements().size(),
                System.nanoTime() - fileStart, plan.hash(), operatorVersion)
                : row.withProgress(index + 1, hashes.subList(0, index + 1), "", "", System.nanoTime() - fileStart);
        record(plan, history.upsert(done, plan.file()), plan.statements().get(index).line(), "");
        return index + 1;
    }

    private void cleanUp(FilePlan plan, InFlightCheck.Decision decision, Statement statement, String where)
            throws SQLException, PgMigrateException {
        for (String cleanup : decision.cleanup()) {
            out.info("    " + plan.file().name() + ": " + cleanup);
            record(plan, List.of(cleanup), statement.line(), "Cleaning up before " + where
                    + " failed; the next apply checks again.");
        }
    }

    /** The failure of the statement at {@code index}, recorded in the revisions table when the connection allows. */
    private MigrationFailedException failed(FilePlan plan, Revision row, int index, List<String> hashes,
                                            long fileStart, SQLException e, String unknownOutcome)
            throws SQLException, PgMigrateException {
        List<Statement> statements = plan.statements();
        Statement statement = statements.get(index);
        if (ConnectionLoss.is(e, connection)) {
            return lost(plan, statement.line(), e, unknownOutcome);
        }
        long applied = index;
        if (PgjdbcInternals.inTransactionBlock(connection)) {
            // The file opened a transaction of its own (BEGIN) that the failure aborted: what stays is what the
            // revisions table holds after the rollback.
            Pipeline.run(connection, List.of("ROLLBACK"));
            applied = history.read(connection, row.version()).map(Revision::applied).orElse(0L);
        }
        int kept = (int) applied;
        Revision failed = row.withProgress(kept, hashes.subList(0, kept),
                settings.scrub(SqlErrors.serverMessage(e)), statement.text(), System.nanoTime() - fileStart);
        List<String> write = new ArrayList<>();
        write.addAll(history.upsert(failed, plan.file()));
        write.addAll(timeoutsSession(true));
        record(plan, write, statement.line(), "Statement " + (index + 1) + " failed: "
                + settings.scrub(SqlErrors.serverMessage(e)) + ".");
        return StatementFailure.of(plan.file().name(), index, statements.size(), statement, e,
                "The file runs without a transaction: " + (kept == 0 ? "no statement of it was applied."
                        : (kept == 1 ? "statement 1 stays applied" : "statements 1 to " + kept + " stay applied")
                        + " and recorded. Fix statement " + (kept + 1) + " (leave those before it as they"
                        + " are) and run apply again to resume there."), settings::scrub, false);
    }

    /** Runs bookkeeping statements; a failure names the file and what is known of its state. */
    private void record(FilePlan plan, List<String> sql, int line, String state)
            throws SQLException, PgMigrateException {
        if (sql.isEmpty()) {
            return;
        }
        Pipeline.Outcome outcome = send(sql, null);
        if (outcome.succeeded()) {
            return;
        }
        SQLException e = outcome.failure();
        if (ConnectionLoss.is(e, connection)) {
            throw lost(plan, line, e, state);
        }
        throw new MigrationFailedException(plan.file().name() + ": writing the revisions table failed: "
                + SqlErrors.describe(e, settings::scrub) + (state.isEmpty() ? "" : "\n  " + state),
                ErrorHints.forStatement(e.getSQLState(), e.getMessage(), false), plan.file().name(), line,
                e.getSQLState(), e);
    }

    private MigrationFailedException lost(FilePlan plan, int line, SQLException e, String state) {
        return new MigrationFailedException(plan.file().name() + ":" + line + ": the connection to the database was"
                + " lost: " + SqlErrors.describe(e, settings::scrub) + "\n  " + state,
                "check the network and the server (a restart, a failover or pg_terminate_backend ends connections),"
                        + " then run apply again: it waits until the old session has ended and continues from what"
                        + " the revisions table says", plan.file().name(), line, e.getSQLState(), e);
    }

    /**
     * Runs a pipeline; a connection that is already gone becomes the outcome's failure like any other.
     *
     * @param running what the heartbeat reports while it runs, or null for bookkeeping that needs none
     */
    private Pipeline.Outcome send(List<String> sql, String running) {
        try {
            return running == null ? Pipeline.run(connection, sql)
                    : Heartbeat.during(out, options.heartbeat(), running, () -> Pipeline.run(connection, sql));
        } catch (SQLException e) {
            return new Pipeline.Outcome(0, e, List.of(), List.of());
        }
    }

    private void showNotices(FilePlan plan, Pipeline.Outcome outcome) {
        for (String notice : outcome.notices()) {
            out.info("    " + plan.file().name() + ": " + settings.scrub(notice));
        }
    }
}
