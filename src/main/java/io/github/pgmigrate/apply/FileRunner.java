package io.github.pgmigrate.apply;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.config.ConnectionSettings;
import io.github.pgmigrate.database.Pipeline;
import io.github.pgmigrate.database.SqlErrors;
import io.github.pgmigrate.database.SqlLiterals;
import io.github.pgmigrate.lock.LockKey;
import io.github.pgmigrate.lock.LockTimeoutException;
import io.github.pgmigrate.output.Output;
import io.github.pgmigrate.revisions.PartialHashes;
import io.github.pgmigrate.revisions.Revision;
import io.github.pgmigrate.revisions.RevisionTable;
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
    private final RevisionTable table;
    private final ApplyOptions options;
    private final ConnectionSettings settings;
    private final String operatorVersion;
    private final boolean pooler;
    private final Output out;

    FileRunner(Connection connection, RevisionTable table, ApplyOptions options, ConnectionSettings settings,
               String operatorVersion, boolean pooler, Output out) {
        this.out = out;
        this.connection = connection;
        this.table = table;
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
        sql.add(table.upsertSqlTimedByServer(base.completed(statements.size(), 0, plan.hash(), operatorVersion)));
        if (commit) {
            sql.add("COMMIT");
        }
        Pipeline.Outcome outcome = Heartbeat.during(out, options.heartbeat(), plan.file().name() + ": "
                + Heartbeat.statements(start, statements.size()), () -> Pipeline.run(connection, sql));
        showNotices(plan, outcome);
        if (outcome.succeeded()) {
            return;
        }
        Pipeline.run(connection, List.of("ROLLBACK"));
        SQLException e = outcome.failure();
        int index = outcome.completed();
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
            return new PgMigrateException(plan.file().name() + ": " + message.substring("pgmigrate:".length())
                    .strip(), "another apply ran at the same time; run apply again to see what is left");
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
        String version = SqlLiterals.string(plan.file().version());
        String tag = "$pgmigrate_guard$";
        return "DO " + tag + " BEGIN IF (SELECT applied FROM " + table.qualifiedName() + " WHERE version = "
                + version + ") IS DISTINCT FROM " + expected + " THEN RAISE EXCEPTION '%', "
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
            setup.add(table.upsertSql(row));
            setup.add("COMMIT");
            Pipeline.Outcome claimed = Pipeline.run(connection, setup);
            if (!claimed.succeeded()) {
                Pipeline.run(connection, List.of("ROLLBACK"));
                throw setupFailure(plan, claimed.failure());
            }
        } else {
            setup.add(table.upsertSql(row));
            runOrThrow(setup);
        }
        for (int i = start; i < statements.size(); i++) {
            Statement statement = statements.get(i);
            Pipeline.Outcome outcome = Heartbeat.during(out, options.heartbeat(), plan.file().name() + ": "
                    + Heartbeat.statement(i, statements.size(), statement.line()),
                    () -> Pipeline.run(connection, List.of(statement.text())));
            showNotices(plan, outcome);
            if (!outcome.succeeded()) {
                SQLException e = outcome.failure();
                Revision failed = row.withProgress(i, hashes.subList(0, i),
                        settings.scrub(SqlErrors.serverMessage(e)), statement.text(),
                        System.nanoTime() - fileStart);
                List<String> record = new ArrayList<>();
                record.add(table.upsertSql(failed));
                record.addAll(timeoutsSession(true));
                runOrThrow(record);
                throw StatementFailure.of(plan.file().name(), i, statements.size(), statement, e,
                        "The file runs without a transaction: " + (i == 0 ? "no statement of it was applied."
                                : (i == 1 ? "statement 1 stays applied" : "statements 1 to " + i + " stay applied")
                                + " and recorded. Fix statement " + (i + 1) + " (leave those before it as they"
                                + " are) and run apply again to resume there."), settings::scrub, false);
            }
            List<String> record = new ArrayList<>();
            if (i == statements.size() - 1) {
                record.add(table.upsertSql(row.completed(statements.size(), System.nanoTime() - fileStart,
                        plan.hash(), operatorVersion)));
                record.addAll(timeoutsSession(true));
            } else {
                record.add(table.upsertSql(row.withProgress(i + 1, hashes.subList(0, i + 1), "", "",
                        System.nanoTime() - fileStart)));
            }
            runOrThrow(record);
        }
        if (start >= statements.size()) {
            List<String> record = new ArrayList<>();
            record.add(table.upsertSql(row.completed(statements.size(), System.nanoTime() - fileStart,
                    plan.hash(), operatorVersion)));
            record.addAll(timeoutsSession(true));
            runOrThrow(record);
        }
    }

    private void runOrThrow(List<String> sql) throws SQLException {
        Pipeline.Outcome outcome = Pipeline.run(connection, sql);
        if (!outcome.succeeded()) {
            throw outcome.failure();
        }
    }

    private void showNotices(FilePlan plan, Pipeline.Outcome outcome) {
        for (String notice : outcome.notices()) {
            out.info("    " + plan.file().name() + ": " + settings.scrub(notice));
        }
    }
}
