package io.github.pgmigrate.revert;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.apply.Applier;
import io.github.pgmigrate.apply.ApplyOptions;
import io.github.pgmigrate.apply.MigrationFailedException;
import io.github.pgmigrate.checksum.SumFile;
import io.github.pgmigrate.devdb.DevDatabase;
import io.github.pgmigrate.devdb.DevServer;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.directory.MigrationFile;
import io.github.pgmigrate.output.Output;
import io.github.pgmigrate.revisions.RevisionTable;
import io.github.pgmigrate.schema.drift.Difference;
import io.github.pgmigrate.schema.inspect.InspectScope;
import io.github.pgmigrate.schema.model.SchemaModel;
import io.github.pgmigrate.schema.state.DevStates;
import io.github.pgmigrate.validate.PreflightCheck;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code verify-migrations}, Alembic's "upgrade, downgrade, upgrade" habit as one check on a dev database: for every
 * migration in order, snapshot the schema, apply it, revert it (hand-written down or computed, as {@code down} would),
 * check the schema equals the snapshot, apply it again and check it equals the first apply. Then the replayed
 * directory must equal the desired schema, when one is given. The first failure ends the round trips: the dev
 * database is then in no version's state.
 */
public final class RoundTrip {
    private final DevServer dev;
    private final Output out;

    public RoundTrip(DevServer dev, Output out) {
        this.dev = dev;
        this.out = out;
    }

    /**
     * @param latest  check only the newest {@code latest} migrations (the files before them are replayed); 0: all
     * @param desired the desired schema the whole directory must create, or null
     * @param scope   the schemas compared
     */
    public RoundTripResult check(MigrationDirectory directory, int latest, SchemaModel desired, InspectScope scope)
            throws PgMigrateException {
        SumFile sum = PreflightCheck.verify(directory, false, out);
        List<MigrationFile> files = directory.files().stream().filter(f -> !f.directives().isCheckpoint()).toList();
        int first = latest > 0 ? Math.max(0, files.size() - latest) : 0;
        String base = first == 0 ? null : files.get(first - 1).version();
        List<RoundTripResult.Check> checks = new ArrayList<>();
        try (DevDatabase database = base == null ? dev.createDatabase() : dev.replay(directory, base)) {
            String revisionsSchema = database.settings().effectiveRevisionsSchema();
            InspectScope devScope = new InspectScope(scope.schemas(), scope.excludeSchemas(), revisionsSchema);
            Trip trip = new Trip(database, directory, sum, new RevertPlanner(directory, sum,
                    serverVersionNum(database)), new RevisionTable(revisionsSchema), devScope, base);
            out.info("Round trips (apply, revert, apply again) on the " + database.description() + ": "
                    + (files.size() - first) + " of " + files.size() + " migrations" + (base == null ? ""
                    : " (the files up to " + base + " replayed first)"));
            for (int i = first; i < files.size(); i++) {
                MigrationFile file = files.get(i);
                String problem = trip.problemOf(file, i == 0 ? null : files.get(i - 1).version());
                checks.add(new RoundTripResult.Check(file.name(), problem == null, problem));
                if (problem != null) {
                    out.error("FAIL " + file.name() + ": " + problem);
                    for (MigrationFile rest : files.subList(i + 1, files.size())) {
                        out.warn("not checked " + rest.name() + " (the dev database is in no version's state after"
                                + " the failure above)");
                    }
                    return new RoundTripResult(checks, null);
                }
                out.info("pass " + file.name());
            }
            if (desired == null) {
                return new RoundTripResult(checks, null);
            }
            List<Difference> differences = Rehearsal.differences(database, desired, devScope);
            if (differences.isEmpty()) {
                out.info("The replayed directory equals the desired schema (a diff would write no migration)");
            } else {
                out.error("The replayed directory differs from the desired schema (" + differences.size()
                        + (differences.size() == 1 ? " difference" : " differences") + "; pgmigrate:diff writes the"
                        + " migration that closes the gap):");
                differences.forEach(d -> out.error("  - " + d));
            }
            return new RoundTripResult(checks, differences);
        }
    }

    private static int serverVersionNum(DevDatabase database) throws PgMigrateException {
        try (Connection connection = database.connector().open()) {
            return connection.getMetaData().getDatabaseMajorVersion() * 10000;
        } catch (SQLException e) {
            throw new PgMigrateException("could not connect to the " + database.description() + ": "
                    + e.getMessage(), null, e);
        }
    }

    /** The round trips on one dev database. */
    private final class Trip {
        private final DevDatabase database;
        private final MigrationDirectory directory;
        private final SumFile sum;
        private final RevertPlanner planner;
        private final RevisionTable table;
        private final InspectScope scope;
        private String baseline;

        Trip(DevDatabase database, MigrationDirectory directory, SumFile sum, RevertPlanner planner,
             RevisionTable table, InspectScope scope, String baseline) {
            this.database = database;
            this.directory = directory;
            this.sum = sum;
            this.planner = planner;
            this.table = table;
            this.scope = scope;
            this.baseline = baseline;
        }

        /** @return what failed in the round trip of {@code file}, or null when it passed */
        String problemOf(MigrationFile file, String previous) throws PgMigrateException {
            SchemaModel before = schema();
            String failed = apply(file, "applying it");
            if (failed != null) {
                return failed;
            }
            SchemaModel after = schema();
            Revert revert;
            try {
                revert = planner.plan(file, previous, after, before);
            } catch (PgMigrateException e) {
                return e.getMessage() + (e.hint() == null ? "" : " (" + e.hint() + ")");
            }
            List<Difference> left;
            try {
                left = Rehearsal.run(database, revert, List.of(table.deleteSql(file.version())),
                        "fix the down and run verify-migrations again", scope);
            } catch (MigrationFailedException e) {
                return "reverting it failed: " + e.getMessage();
            }
            if (!left.isEmpty()) {
                return revert.source() + " does not restore the schema before it; what differs after the down:"
                        + left.stream().map(d -> "\n  - " + d).collect(Collectors.joining());
            }
            failed = apply(file, "applying it again after the down");
            if (failed != null) {
                return failed;
            }
            List<Difference> changed = Rehearsal.differences(database, after, scope);
            if (!changed.isEmpty()) {
                return "applying it again after " + revert.source() + " gives another schema than the first time:"
                        + changed.stream().map(d -> "\n  - " + d).collect(Collectors.joining());
            }
            return null;
        }

        private String apply(MigrationFile file, String step) {
            // The first apply on a replayed prefix records the prefix as the baseline; reverting the very first
            // migration leaves an empty history on a database that holds only the revisions schema.
            ApplyOptions.Builder options = ApplyOptions.builder().toVersion(file.version()).lockTimeout(Duration.ZERO);
            if (baseline != null) {
                options.baseline(baseline);
            } else {
                options.allowDirty(true);
            }
            try {
                new Applier(database.connector(), Output.NONE).apply(directory, sum, options.build());
                baseline = null;
                return null;
            } catch (PgMigrateException e) {
                return step + " failed: " + e.getMessage();
            }
        }

        private SchemaModel schema() throws PgMigrateException {
            return DevStates.inspect(database, scope).model();
        }
    }
}
