package io.github.pgmigrate.fleet;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.apply.Applier;
import io.github.pgmigrate.apply.ApplyOptions;
import io.github.pgmigrate.apply.ApplyResult;
import io.github.pgmigrate.checksum.SumFile;
import io.github.pgmigrate.database.DatabaseConnector;
import io.github.pgmigrate.devdb.ReplayedSchema;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.history.ExecOrder;
import io.github.pgmigrate.output.Output;
import io.github.pgmigrate.schema.drift.DriftCheck;
import io.github.pgmigrate.schema.inspect.InspectScope;
import io.github.pgmigrate.schema.inspect.LiveSchema;
import io.github.pgmigrate.schema.model.SchemaModel;
import io.github.pgmigrate.history.HistoryTarget;
import io.github.pgmigrate.set.RevisionSetter;
import io.github.pgmigrate.set.SetResult;
import io.github.pgmigrate.status.StatusFormatter;
import io.github.pgmigrate.status.StatusReport;
import io.github.pgmigrate.status.StatusReader;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * apply, status, set and drift as a fleet runs them on one target: the goal's own engine, its result as one outcome.
 */
public final class FleetGoals {

    /** Opens a target's database; the plugin supplies it (an embedded server is started there). */
    @FunctionalInterface
    public interface Connectors {
        DatabaseConnector open(FleetTarget target) throws PgMigrateException;
    }

    private FleetGoals() {
    }

    /**
     * @param verified what {@link io.github.pgmigrate.validate.PreflightCheck#verify} returned for the directory: it is
     *                 checked once for the fleet, before any target, not once per target
     */
    public static FleetRun.TargetWork apply(MigrationDirectory directory, SumFile verified, ApplyOptions options,
                                            Connectors connectors) {
        return (target, log) -> {
            long started = System.nanoTime();
            ApplyResult result = new Applier(connectors.open(target), log).apply(directory, verified, options);
            String summary = result.nothingPending() ? "up to date"
                    : (result.dryRun() ? "would apply " : "applied ") + result.applied().size() + " file(s), "
                            + result.statements() + " statement(s)";
            return new TargetOutcome(target.name(), TargetOutcome.Result.OK, result.fromVersion(), result.toVersion(),
                    result.applied().size(), since(started), summary);
        };
    }

    /** @param failIfPending a target with pending or changed files fails, with the reason */
    public static FleetRun.TargetWork status(MigrationDirectory directory, ExecOrder order, HistoryTarget history,
                                             boolean failIfPending, Connectors connectors) {
        return (target, log) -> {
            long started = System.nanoTime();
            StatusReport report = new StatusReader(connectors.open(target)).read(directory, order, history);
            StatusFormatter.lines(report).forEach(log::info);
            String current = report.current().equals(StatusReport.NONE_APPLIED) ? null : report.current();
            String latest = directory.files().isEmpty() ? null
                    : directory.files().get(directory.files().size() - 1).version();
            TargetOutcome.Result result = report.gateFailure().isEmpty() ? TargetOutcome.Result.OK
                    : failIfPending ? TargetOutcome.Result.FAILED : TargetOutcome.Result.ATTENTION;
            String summary = result == TargetOutcome.Result.FAILED ? report.gateFailure().get()
                    : report.state() + (report.isUpToDate() ? "" : ", next " + report.next());
            return new TargetOutcome(target.name(), result, current, latest, report.pending() + report.outOfOrder(),
                    since(started), summary);
        };
    }

    public static FleetRun.TargetWork set(MigrationDirectory directory, String version, boolean strict,
                                          HistoryTarget history, Connectors connectors) {
        return (target, log) -> {
            long started = System.nanoTime();
            SetResult result = new RevisionSetter(connectors.open(target), log).set(directory, version, strict,
                    history);
            return new TargetOutcome(target.name(), TargetOutcome.Result.OK, null, result.version(),
                    result.added().size(), since(started), result.changedNothing() ? "unchanged"
                    : result.added().size() + " set, " + result.removed().size() + " removed");
        };
    }

    /**
     * @param expected    the whole directory replayed; asked once per PostgreSQL major among the targets, however many
     *                    targets share it
     * @param failOnDrift a drifted target fails; otherwise it needs attention
     */
    public static FleetRun.TargetWork drift(InspectScope scope, ReplayedSchema expected, boolean failOnDrift,
                                            Connectors connectors) {
        Map<Integer, SchemaModel> byMajor = new HashMap<>();
        return (target, log) -> {
            long started = System.nanoTime();
            LiveSchema live = LiveSchema.read(connectors.open(target), scope);
            SchemaModel replayed;
            synchronized (byMajor) {
                replayed = byMajor.get(live.major());
                if (replayed == null) {
                    replayed = expected.upTo(null, live.major());
                    byMajor.put(live.major(), replayed);
                }
            }
            DriftCheck drift = DriftCheck.between(live.inspection().model(), replayed);
            drift.print(log);
            TargetOutcome.Result result = !drift.drifted() ? TargetOutcome.Result.OK
                    : failOnDrift ? TargetOutcome.Result.FAILED : TargetOutcome.Result.ATTENTION;
            return new TargetOutcome(target.name(), result, null, null, 0, since(started),
                    drift.drifted() ? drift.differences().size() + " difference(s)" : "no drift");
        };
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
