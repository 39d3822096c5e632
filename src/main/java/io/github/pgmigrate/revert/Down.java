package io.github.pgmigrate.revert;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.apply.MigrationFailedException;
import io.github.pgmigrate.checksum.SumFile;
import io.github.pgmigrate.command.CommandContext;
import io.github.pgmigrate.command.DatabaseCommand;
import io.github.pgmigrate.database.DatabaseConnector;
import io.github.pgmigrate.devdb.DevDatabase;
import io.github.pgmigrate.devdb.DevServer;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.directory.MigrationFile;
import io.github.pgmigrate.output.Output;
import io.github.pgmigrate.schema.diff.Hazard;
import io.github.pgmigrate.schema.drift.Difference;
import io.github.pgmigrate.schema.drift.DriftCheck;
import io.github.pgmigrate.schema.inspect.InspectScope;
import io.github.pgmigrate.schema.inspect.SchemaInspector;
import io.github.pgmigrate.schema.model.SchemaModel;
import io.github.pgmigrate.validate.PreflightCheck;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code down}, as Atlas's {@code migrate down} computes it: refuse a database whose live schema is not the one its
 * revisions say (drift), plan each reverted migration from the schema of its version to the schema of the version
 * before (both replayed on dev databases) or take its hand-written {@code down/<version>.sql}, refuse data-losing
 * plans unless allowed, run the whole plan on a dev copy first and check every step reaches its version's schema,
 * and only then run it on the target under the migration lock: one transaction per reverted migration, which also
 * removes its row from the history ({@link io.github.pgmigrate.history.HistoryRecorder#delete}).
 */
public final class Down {
    private final DatabaseConnector connector;
    private final DevServer dev;
    private final Output out;

    public Down(DatabaseConnector connector, DevServer dev, Output out) {
        this.connector = connector;
        this.dev = dev;
        this.out = out;
    }

    public DownResult run(MigrationDirectory directory, DownOptions options) throws PgMigrateException {
        options.validate();
        SumFile sum = PreflightCheck.verify(directory, false, out);
        if (connector.transactionPooler()) {
            throw new PgMigrateException("down does not run through a transaction pooler ("
                    + connector.settings().target().pooler().reason() + "): it holds the migration lock for the"
                    + " whole run", "connect to the session port (5432 on Supabase) or directly to PostgreSQL");
        }
        DatabaseCommand command = DatabaseCommand.on(connector, "down failed").readOnly(options.dryRun())
                .history(options.history());
        if (!options.dryRun()) {
            command.locked(options.lockTimeout());
        }
        return command.run(context -> new Run(context, directory, sum, options).run());
    }

    /** One run's state. */
    private final class Run {
        private final CommandContext context;
        private final Connection connection;
        private final MigrationDirectory directory;
        private final SumFile sum;
        private final DownOptions options;
        private final String prefix;

        Run(CommandContext context, MigrationDirectory directory, SumFile sum, DownOptions options) {
            this.context = context;
            this.connection = context.connection();
            this.directory = directory;
            this.sum = sum;
            this.options = options;
            this.prefix = options.dryRun() ? "[dry run] " : "";
        }

        DownResult run() throws SQLException, PgMigrateException {
            DownSelection selection = DownSelection.of(directory, context.table().exists(connection),
                    context.table().qualifiedName(), context.revisions(), options);
            if (selection.reverted().isEmpty()) {
                out.info("Already at version " + selection.head() + ": nothing to revert");
                return new DownResult(selection.head(), selection.head(), List.of(), options.dryRun());
            }
            if (!selection.pendingAfterHead().isEmpty()) {
                out.info("Not applied, left alone: " + names(selection.pendingAfterHead()));
            }
            InspectScope scope = options.scope();
            SchemaModel head = DevSchemas.at(dev, directory, selection.head(), scope);
            refuseDrift(selection.head(), head, scope);
            List<Revert> reverts = plan(selection, head);
            String target = selection.targets().get(selection.targets().size() - 1);
            String to = target == null ? "no migration applied" : "version " + target;
            out.info(prefix + "Going down from version " + selection.head() + " to " + to + ": " + reverts.size()
                    + (reverts.size() == 1 ? " migration" : " migrations") + " to revert");
            List<Hazard> hazards = show(reverts);
            if (!hazards.isEmpty() && !options.allowDestructive()) {
                String refusal = "the plan loses data (" + hazards.size()
                        + (hazards.size() == 1 ? " hazard" : " hazards") + ", listed above)";
                if (!options.dryRun()) {
                    throw new PgMigrateException(refusal + "; refused by the allowDestructive guard, nothing was"
                            + " changed", "back up what you need, then run with -Dpgmigrate.allowDestructive=true");
                }
                out.warn(prefix + refusal + ": without -Dpgmigrate.allowDestructive=true the allowDestructive guard"
                        + " refuses it");
            }
            verifyOnDev(selection.head(), reverts, scope);
            List<String> names = reverts.stream().map(r -> r.migration().name()).toList();
            if (options.dryRun()) {
                out.info(prefix + "nothing was changed; " + reverts.size() + (reverts.size() == 1 ? " migration"
                        : " migrations") + " would be reverted");
                return new DownResult(selection.head(), target, names, true);
            }
            execute(reverts);
            out.info("Reverted " + reverts.size() + (reverts.size() == 1 ? " migration" : " migrations")
                    + "; now at " + to + " (was " + selection.head() + ")");
            return new DownResult(selection.head(), target, names, false);
        }

        private void refuseDrift(String version, SchemaModel expected, InspectScope scope)
                throws SQLException, PgMigrateException {
            InspectScope live = new InspectScope(scope.schemas(), scope.excludeSchemas(), context.table().schema());
            DriftCheck drift = DriftCheck.between(SchemaInspector.inspect(connection, live).model(), expected);
            if (!drift.drifted()) {
                return;
            }
            throw new PgMigrateException("the live schema differs from the schema of version " + version
                    + ", which the revisions table says is applied (" + drift.differences().size()
                    + (drift.differences().size() == 1 ? " difference" : " differences") + "):"
                    + drift.differences().stream().map(d -> "\n  - " + d).collect(Collectors.joining())
                    + "\n  Refused by the drift guard: going back from an unknown state is how data gets lost;"
                    + " nothing was changed", "put the change into a migration (pgmigrate:diff) or remove it from"
                    + " the database (pgmigrate:drift prints the SQL), then run down again");
        }

        private List<Revert> plan(DownSelection selection, SchemaModel head) throws SQLException, PgMigrateException {
            RevertPlanner planner = new RevertPlanner(directory, sum, context.serverVersionNum());
            List<Revert> reverts = new ArrayList<>();
            SchemaModel after = head;
            for (int i = 0; i < selection.reverted().size(); i++) {
                String target = selection.targets().get(i);
                SchemaModel before = DevSchemas.at(dev, directory, target, options.scope());
                reverts.add(planner.plan(selection.reverted().get(i), target, after, before));
                after = before;
            }
            return reverts;
        }

        private List<Hazard> show(List<Revert> reverts) {
            List<Hazard> hazards = new ArrayList<>();
            for (Revert revert : reverts) {
                out.info(prefix + "  " + revert.migration().name() + " -> " + revert.targetDescription() + " ("
                        + revert.source() + ", " + revert.statements().size()
                        + (revert.statements().size() == 1 ? " statement)" : " statements)"));
                for (Revert.RevertStatement statement : revert.statements()) {
                    String sql = statement.sql().endsWith(";") ? statement.sql() : statement.sql() + ";";
                    out.info("      " + sql.replace("\n", "\n      ")
                            + (statement.transactional() ? "" : "  -- runs outside a transaction"));
                }
                for (Hazard hazard : revert.hazards()) {
                    out.warn(prefix + "  Hazard in reverting " + revert.migration().name() + ": " + hazard);
                }
                hazards.addAll(revert.hazards());
            }
            return hazards;
        }

        /** Runs the whole plan on a dev copy of the head version; every step must reach its version's schema. */
        private void verifyOnDev(String head, List<Revert> reverts, InspectScope scope) throws PgMigrateException {
            try (DevDatabase copy = dev.replay(directory, head)) {
                for (Revert revert : reverts) {
                    List<Difference> left;
                    try {
                        left = Rehearsal.run(copy, revert, List.of(), "fix the cause and run down again", scope);
                    } catch (MigrationFailedException e) {
                        throw new PgMigrateException("the plan failed on the " + copy.description() + ", so nothing"
                                + " ran on the target: " + e.getMessage(), e.hint(), e);
                    }
                    if (!left.isEmpty()) {
                        throw new PgMigrateException(revert.source() + " does not take the schema back to "
                                + revert.targetDescription() + " (checked on the " + copy.description() + "; nothing"
                                + " ran on the target):" + left.stream().map(d -> "\n  - " + d)
                                .collect(Collectors.joining()), "make " + revert.source() + " undo exactly what "
                                + revert.migration().name() + " does" + (revert.handWritten() == null ? "" : ", or"
                                + " delete it to use the computed plan"));
                    }
                }
            }
            out.info(prefix + "The plan ran on a dev copy of version " + head + " and reached the schema of each"
                    + " version on the way");
        }

        private void execute(List<Revert> reverts) throws PgMigrateException {
            RevertRunner runner = new RevertRunner(connection, context.settings()::scrub);
            for (int i = 0; i < reverts.size(); i++) {
                Revert revert = reverts.get(i);
                String version = revert.migration().version();
                long started = System.nanoTime();
                String goal = reverts.get(reverts.size() - 1).target();
                String next = goal == null ? "to continue, run down with -Dpgmigrate.amount set to the number of"
                        + " migrations status shows as applied" : "to continue, run down -Dpgmigrate.toVersion=" + goal;
                if (revert.statements().stream().anyMatch(statement -> !statement.transactional())) {
                    next = "if a statement that runs outside a transaction had already run, finish the revert by hand"
                            + (revert.target() == null ? " and delete its row from " + context.table().qualifiedName()
                            : " and record it with mvn pgmigrate:set -Dpgmigrate.toVersion=" + revert.target())
                            + " (down refuses a half-reverted schema as drift); otherwise " + next;
                }
                runner.run(revert, context.recorder().delete(version), "version " + version
                        + " is still applied and recorded" + (i == 0 ? "" : " (" + i + " reverted before it)"), next);
                out.info("[" + (i + 1) + "/" + reverts.size() + "] reverted " + revert.migration().name() + " ("
                        + revert.source() + ", " + revert.statements().size() + (revert.statements().size() == 1
                        ? " statement) " : " statements) ") + (System.nanoTime() - started) / 1_000_000 + " ms; now at "
                        + revert.targetDescription());
            }
        }

        private String names(List<MigrationFile> files) {
            return files.stream().map(MigrationFile::name).collect(Collectors.joining(", "));
        }
    }
}
