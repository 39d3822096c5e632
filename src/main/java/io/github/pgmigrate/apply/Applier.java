package io.github.pgmigrate.apply;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.checksum.SumFile;
import io.github.pgmigrate.command.CommandContext;
import io.github.pgmigrate.command.DatabaseCommand;
import io.github.pgmigrate.config.ConnectionSettings;
import io.github.pgmigrate.database.DatabaseConnector;
import io.github.pgmigrate.database.Pipeline;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.directory.MigrationFile;
import io.github.pgmigrate.directory.TxMode;
import io.github.pgmigrate.history.AppliedFileChanges;
import io.github.pgmigrate.history.HistoryTarget;
import io.github.pgmigrate.history.SupabaseHistoryTable;
import io.github.pgmigrate.history.PendingFiles;
import io.github.pgmigrate.output.Output;
import io.github.pgmigrate.revisions.OperatorVersion;
import io.github.pgmigrate.revisions.Revision;
import io.github.pgmigrate.revisions.RevisionTable;
import io.github.pgmigrate.sql.Statement;
import io.github.pgmigrate.validate.PreflightCheck;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code apply}: brings a database up to date with a migration directory, compatibly with Atlas's
 * {@code migrate apply} (same revisions table, same pending files, same lock).
 *
 * <p>Round trips: a transactional file travels as one pipeline (BEGIN, SET LOCAL timeouts, its statements, the
 * revision upsert, COMMIT), so it costs one round trip, plus one ROLLBACK when it fails. A non-transactional file
 * needs two per statement (the statement, then its durable progress), as Atlas does.
 */
public final class Applier {
    private final DatabaseConnector connector;
    private final Output out;

    public Applier(DatabaseConnector connector, Output out) {
        this.connector = connector;
        this.out = out;
    }

    public ApplyResult apply(MigrationDirectory directory, ApplyOptions options) throws PgMigrateException {
        options.validate();
        return apply(directory, PreflightCheck.verify(directory, options.strict(), out), options);
    }

    /**
     * Applies a directory the caller has already passed through {@link PreflightCheck#verify}, so that a goal that
     * checks it before anything else (reset, deploy, replay, round trips) neither checks nor warns twice.
     *
     * @param sum the sum {@code PreflightCheck.verify} returned for this directory
     */
    public ApplyResult apply(MigrationDirectory directory, SumFile sum, ApplyOptions options)
            throws PgMigrateException {
        options.validate();
        ConnectionSettings settings = connector.settings();
        if (connector.transactionPooler()) {
            out.warn("The URL points at a transaction pooler (" + settings.target().pooler().reason() + "). Running"
                    + " pooler-safe: no server-side prepared statements, the migration lock is taken inside each"
                    + " file's transaction, timeouts are set with SET LOCAL only. Non-transactional files are claimed"
                    + " under the lock but run without it and without timeouts; prefer the session port (5432) for"
                    + " migrations.");
        }
        long started = System.nanoTime();
        DatabaseCommand command = DatabaseCommand.on(connector, "database error")
                .readOnly(options.dryRun())
                .hint(e -> ConnectionLoss.is(e) ? "the connection was lost before a migration file ran (while"
                        + " taking the lock, reading the history or creating the revisions table): nothing of this run"
                        + " was applied. Check the network and the server, then run apply again"
                        : ErrorHints.forStatement(e.getSQLState(), e.getMessage(), false));
        if (!options.dryRun()) {
            command.locked(options.lockTimeout());
        }
        command.history(options.history());
        return command.run(context -> new Run(context, directory, sum, options, started).run());
    }

    /** One run's state. */
    private final class Run {
        private final CommandContext context;
        private final Connection connection;
        private final MigrationDirectory directory;
        private final SumFile sum;
        private final ApplyOptions options;
        private final long started;
        private final ConnectionSettings settings;
        private final RevisionTable table;
        private final String operatorVersion = OperatorVersion.current();
        private final FileRunner runner;

        Run(CommandContext context, MigrationDirectory directory, SumFile sum, ApplyOptions options, long started) {
            this.context = context;
            this.connection = context.connection();
            this.directory = directory;
            this.sum = sum;
            this.options = options;
            this.started = started;
            this.settings = context.settings();
            this.table = context.table();
            this.runner = new FileRunner(connection, context.recorder(), options, settings, operatorVersion,
                    context.transactionPooler(), out);
        }

        ApplyResult run() throws SQLException, PgMigrateException {
            int serverVersion = context.serverVersionNum();
            // Nothing is created before the clean check and the plan have passed: a refused run leaves the
            // database exactly as it was.
            List<Revision> revisions = context.revisions();
            List<MigrationFile> files = directory.files();
            List<MigrationFile> pending;
            String from = revisions.isEmpty() ? null : revisions.get(revisions.size() - 1).version();
            if (revisions.isEmpty()) {
                pending = firstRunPending(files);
                if (options.baseline() != null) {
                    from = options.baseline();
                }
            } else {
                pending = PendingFiles.withHistory(files, revisions, options.execOrder()).pending();
                Optional<String> change = AppliedFileChanges.firstChange(files, sum, revisions);
                if (change.isPresent()) {
                    if (options.strict()) {
                        throw new PgMigrateException(change.get(),
                                "an applied migration must never change: the databases that ran it do not get the"
                                        + " change. Restore the file (git checkout) and put the change in a new"
                                        + " migration; or run without strict to only warn");
                    }
                    out.warn(change.get() + ". Databases that already ran it will not get the change; restore the"
                            + " file and put the change in a new migration.");
                }
            }
            pending = limit(pending, files, revisions);
            if (pending.isEmpty()) {
                out.info("No migration files to execute");
                return new ApplyResult(List.of(), from, from, 0, System.nanoTime() - started, options.dryRun());
            }
            List<FilePlan> plans = FilePlan.of(pending, options.txMode(), sum, serverVersion);
            refuseUnresumable(plans);
            String target = pending.get(pending.size() - 1).version();
            Revision resumed = revisions.isEmpty() ? null : revisions.get(revisions.size() - 1);
            if (resumed != null && !resumed.version().equals(pending.get(0).version())) {
                resumed = null;
            }
            out.info((options.dryRun() ? "[dry run] " : "") + (resumed == null
                    ? "Migrating to version " + target + (from == null ? "" : " from " + from)
                    : "Resuming " + pending.get(0).name() + " (an earlier run applied " + resumed.applied() + " of its "
                    + resumed.total() + " statements)" + (target.equals(from) ? "" : ", then migrating to version "
                    + target)) + " (" + pending.size() + " migrations in total)");
            if (options.dryRun()) {
                return dryRun(plans, from, target);
            }
            ensureTable();
            return execute(plans, revisions, from, target, resumed != null);
        }

        /**
         * Supabase's history records a version only once it is complete, so a file that runs without a transaction
         * could not resume after a failure: with {@code history=supabase} such files are refused before anything runs.
         */
        private void refuseUnresumable(List<FilePlan> plans) throws PgMigrateException {
            if (context.recorder().target() != HistoryTarget.SUPABASE) {
                return;
            }
            for (FilePlan plan : plans) {
                if (!plan.transactional()) {
                    throw new PgMigrateException(plan.file().name() + " runs without a transaction, and"
                            + " history=supabase cannot record the progress a failed run resumes from",
                            "use -Dpgmigrate.history=both (Atlas's table keeps the progress, Supabase's gets the"
                                    + " version when the file completes), or make the file transactional");
                }
            }
        }

        private void ensureTable() throws SQLException {
            context.ensureTable(runner.timeoutsLocal());
        }

        private List<MigrationFile> firstRunPending(List<MigrationFile> files) throws SQLException,
                PgMigrateException {
            Optional<String> dirt = CleanCheck.dirtReason(connection, settings.target().searchPath(),
                    table.schema(), settings.revisionsSchema());
            if (dirt.isPresent() && !options.allowDirty() && options.baseline() == null) {
                throw notClean(dirt.get());
            }
            if (options.baseline() == null) {
                return PendingFiles.firstRun(files);
            }
            MigrationFile baseline = PendingFiles.baselineFile(files, options.baseline());
            if (options.dryRun()) {
                out.info("[dry run] would record " + baseline.name() + " as the baseline (type 1)");
            } else {
                ensureTable();
                Pipeline.Outcome written = Pipeline.run(connection,
                        context.recorder().baseline(baseline, files, operatorVersion));
                if (!written.succeeded()) {
                    throw written.failure();
                }
                out.info("Recorded " + baseline.name() + " as the baseline");
            }
            return PendingFiles.afterBaseline(files, baseline);
        }

        private PgMigrateException notClean(String reason) throws SQLException {
            List<String> supabase = CleanCheck.supabaseSchemas(connection);
            List<String> roles = CleanCheck.supabaseRoles(connection);
            String hint = "set -Dpgmigrate.baseline=<version> to record the existing schema as that version, or"
                    + " -Dpgmigrate.allowDirty=true to apply the migrations on top of what is there, or bind the URL"
                    + " to your own schema (?currentSchema=public, or search_path=public in a postgres:// URL) so"
                    + " only that schema is checked";
            if (!supabase.isEmpty() || !roles.isEmpty()) {
                hint = "This is a Supabase database: "
                        + (supabase.isEmpty() ? "" : String.join(", ", supabase) + " are schemas Supabase manages")
                        + (supabase.isEmpty() || roles.isEmpty() ? "" : " and ")
                        + (roles.isEmpty() ? "" : String.join(", ", roles) + " are its roles")
                        + ", not your migrations'. For a project whose migrations create objects only in"
                        + " public, bind the URL to it while keeping Supabase's extensions visible"
                        + " (?currentSchema=public,extensions in a jdbc: URL, search_path=public,extensions in a"
                        + " postgres:// URL), or set -Dpgmigrate.allowDirty=true; if public already holds the schema"
                        + " of some version, use -Dpgmigrate.baseline=<version>.";
            }
            int supabaseVersions = new SupabaseHistoryTable().readAll(connection).size();
            if (supabaseVersions > 0) {
                hint = "The Supabase CLI migrated this database (" + supabaseVersions + " versions in "
                        + SupabaseHistoryTable.QUALIFIED + "): adopt its history with mvn pgmigrate:set"
                        + " -Dpgmigrate.importHistory=supabase, then apply with -Dpgmigrate.history=both to keep both"
                        + " tools' histories in step. " + hint;
            }
            return new PgMigrateException("connected database is not clean: " + reason
                    + ". baseline version or allow-dirty is required", hint);
        }

        private List<MigrationFile> limit(List<MigrationFile> pending, List<MigrationFile> files,
                                          List<Revision> revisions) throws PgMigrateException {
            if (options.toVersion() != null) {
                String version = options.toVersion();
                for (int i = pending.size() - 1; i >= 0; i--) {
                    if (pending.get(i).version().equals(version)) {
                        return pending.subList(0, i + 1);
                    }
                }
                if (revisions.stream().anyMatch(r -> r.version().equals(version))) {
                    out.info("Version " + version + " is already applied");
                    return List.of();
                }
                if (files.stream().anyMatch(f -> f.version().equals(version))) {
                    throw new PgMigrateException("migration with version \"" + version + "\" is not pending",
                            "it sorts below the applied history (see execOrder) or before the baseline");
                }
                String suggestion = files.stream().map(MigrationFile::version)
                        .filter(v -> v.contains(version) || version.contains(v)).findFirst()
                        .map(v -> ". Did you mean \"" + v + "\"?").orElse("");
                throw new PgMigrateException("migration with version \"" + version + "\" not found" + suggestion,
                        "toVersion names the version of a migration file (its name up to the first _)");
            }
            if (options.amount() > 0 && options.amount() < pending.size()) {
                return pending.subList(0, options.amount());
            }
            return pending;
        }

        /**
         * Behind a transaction pooler a second apply waits on each file's transaction lock rather than on a session
         * lock: a file the other run finished meanwhile (same content) is skipped and this run goes on behind it.
         */
        private boolean completedByAnotherRun(FilePlan plan) throws SQLException {
            return context.recorder().recordsComplete(connection, plan.file(), plan.hash(), plan.statements().size());
        }

        private ApplyResult dryRun(List<FilePlan> plans, String from, String target) {
            List<ApplyResult.AppliedFile> listed = new ArrayList<>();
            int statements = 0;
            for (FilePlan plan : plans) {
                out.info("[dry run] " + plan.file().name() + "  " + plan.statements().size() + " statements"
                        + (plan.transactional() ? "" : "  (no transaction: atlas:txmode none)"));
                for (Statement statement : plan.statements()) {
                    out.info("    " + statement.text().replace("\n", "\n    "));
                }
                statements += plan.statements().size();
                listed.add(new ApplyResult.AppliedFile(plan.file().name(), plan.file().version(),
                        plan.statements().size(), 0));
            }
            out.info("[dry run] nothing was executed; " + plans.size() + " migrations, " + statements
                    + " statements would run");
            return new ApplyResult(listed, from, target, statements, System.nanoTime() - started, true);
        }

        /** @param resuming whether the first plan finishes the partially applied last revision */
        private ApplyResult execute(List<FilePlan> plans, List<Revision> revisions, String from, String target,
                                    boolean resuming) throws SQLException, PgMigrateException {
            Map<String, Revision> existing = new HashMap<>();
            revisions.forEach(r -> existing.put(r.version(), r));
            boolean all = options.txMode() == TxMode.ALL;
            List<ApplyResult.AppliedFile> applied = new ArrayList<>();
            int statements = 0;
            for (int i = 0; i < plans.size(); i++) {
                FilePlan plan = plans.get(i);
                Revision row = existing.get(plan.file().version());
                int start = runner.resumeAt(plan, row);
                long fileStart = System.nanoTime();
                if (plan.transactional()) {
                    try {
                        runner.runTransactional(plan, row, start, !all || i == 0, !all || i == plans.size() - 1,
                                all);
                    } catch (AppliedMeanwhileException e) {
                        if (all || !completedByAnotherRun(plan)) {
                            throw e;
                        }
                        out.info("[" + (i + 1) + "/" + plans.size() + "] " + plan.file().name() + "  applied by"
                                + " another run while this one waited for the lock; skipped");
                        continue;
                    }
                } else {
                    runner.runNonTransactional(plan, row, start);
                }
                long nanos = System.nanoTime() - fileStart;
                int ran = plan.statements().size() - start;
                statements += ran;
                applied.add(new ApplyResult.AppliedFile(plan.file().name(), plan.file().version(), ran, nanos));
                out.info("[" + (i + 1) + "/" + plans.size() + "] " + plan.file().name() + "  " + ran
                        + (ran == 1 ? " statement  " : " statements  ") + millis(nanos) + " ms"
                        + (start > 0 ? "  (resumed at statement " + (start + 1) + ")" : "")
                        + (all && i < plans.size() - 1 ? "  (commits with the last file)" : ""));
            }
            long total = System.nanoTime() - started;
            if (applied.isEmpty()) {
                out.info("Another run applied the " + plans.size() + " pending migration(s) meanwhile; now at version "
                        + target);
                return new ApplyResult(applied, from, target, 0, total, false);
            }
            out.info("Applied " + applied.size() + (applied.size() == 1 ? " migration (" : " migrations (") + statements
                    + (statements == 1 ? " statement) in " : " statements) in ") + millis(total) + " ms; now at version "
                    + target + (from == null ? "" : !resuming ? " (was " + from + ")"
                    : target.equals(from) ? " (" + from + " was partially applied)"
                    : " (was " + from + ", partially applied)"));
            return new ApplyResult(applied, from, target, statements, total, false);
        }

    }

    static long millis(long nanos) {
        return Duration.ofNanos(nanos).toMillis();
    }

}
