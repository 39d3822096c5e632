package io.github.pgmigrate.deploy;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.apply.Applier;
import io.github.pgmigrate.apply.ApplyOptions;
import io.github.pgmigrate.apply.ApplyResult;
import io.github.pgmigrate.checksum.SumFile;
import io.github.pgmigrate.database.DatabaseConnector;
import io.github.pgmigrate.devdb.ReplayedSchema;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.lint.LintGate;
import io.github.pgmigrate.lint.LintResult;
import io.github.pgmigrate.output.Output;
import io.github.pgmigrate.report.LintCommand;
import io.github.pgmigrate.schema.drift.DriftCheck;
import io.github.pgmigrate.schema.inspect.InspectScope;
import io.github.pgmigrate.schema.inspect.LiveSchema;
import io.github.pgmigrate.status.StatusFormatter;
import io.github.pgmigrate.status.StatusReader;
import io.github.pgmigrate.status.StatusReport;
import io.github.pgmigrate.validate.PreflightCheck;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code deploy}, the guarded production run in one execution: validate, lint (the configured gate), status, the plan
 * (pending files and drift), confirmation (the production guard), apply, status. Each step is the goal's own engine;
 * the first refused or failed step stops the deploy and the summary names it.
 */
public final class Deployment {

    /** The production guard, asked with what is about to happen; returns why it let the deploy pass. */
    @FunctionalInterface
    public interface Confirmation {
        String confirm(String what) throws PgMigrateException;
    }

    /**
     * @param expected    the replayed schema for the drift check; null: no drift check (no dev database)
     * @param failOnDrift stop when the live schema differs from the replayed one
     * @param scope       the schemas the drift check compares (the revisions schema is left out)
     */
    public record Request(MigrationDirectory directory, ApplyOptions apply, LintCommand.Request lint,
                          ReplayedSchema expected, boolean failOnDrift, InspectScope scope,
                          Confirmation confirmation) {
    }

    @FunctionalInterface
    private interface Work {
        String run() throws PgMigrateException, IOException;
    }

    private final DatabaseConnector connector;
    private final Output out;
    private final List<StepOutcome> outcomes = new ArrayList<>();
    private final String started = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString();
    private StatusReport before;
    private MigrationDirectory directory;
    private SumFile verified;
    private String to;

    public Deployment(DatabaseConnector connector, Output out) {
        this.connector = connector;
        this.out = out;
    }

    /** @throws DeployFailedException naming the step that stopped the deploy, with the summary so far */
    public DeploySummary run(Request request) throws PgMigrateException, IOException {
        directory = request.directory();
        step(DeployStep.VALIDATE, request, () -> {
            verified = PreflightCheck.verify(directory, request.apply().strict(), out);
            return directory.files().size() + " file(s); statements parse and atlas.sum matches";
        });
        step(DeployStep.LINT, request, () -> {
            LintResult result = LintCommand.run(request.lint(), out, null);
            return LintGate.counts(result) + " (failOn=" + request.lint().gate().id() + ")";
        });
        step(DeployStep.STATUS, request, () -> {
            before = status(directory, request);
            return before.state() + ": " + (before.executed() == 0 ? "no migration applied yet"
                    : "at " + before.current()) + ", " + before.pending() + " pending";
        });
        step(DeployStep.PLAN, request, () -> plan(request));
        step(DeployStep.CONFIRMATION, request, () -> pending().isEmpty() ? "not needed: nothing to apply"
                : request.confirmation().confirm("Apply " + pending().size() + " migration file(s) ("
                + String.join(", ", pending()) + ")"));
        step(DeployStep.APPLY, request, () -> {
            ApplyResult result = new Applier(connector, out).apply(directory, verified, request.apply());
            to = result.applied().isEmpty() ? null : result.toVersion();
            return result.applied().size() + " file(s), " + result.statements() + " statement(s)";
        });
        step(DeployStep.FINAL_STATUS, request, () -> {
            StatusReport after = status(directory, request);
            if (after.gateFailure().isPresent()) {
                throw new PgMigrateException(after.gateFailure().get(), null);
            }
            return after.state() + ": at " + after.current();
        });
        DeploySummary summary = summary(request);
        summary.lines().forEach(out::info);
        return summary;
    }

    private void step(DeployStep step, Request request, Work work) throws PgMigrateException, IOException {
        out.info("--- deploy step: " + step.label() + " ---");
        try {
            outcomes.add(new StepOutcome(step, StepOutcome.Result.PASSED, work.run()));
        } catch (PgMigrateException e) {
            outcomes.add(new StepOutcome(step, StepOutcome.Result.FAILED, e.getMessage()));
            for (DeployStep later : DeployStep.values()) {
                if (later.ordinal() > step.ordinal()) {
                    outcomes.add(new StepOutcome(later, StepOutcome.Result.NOT_RUN, "stopped at " + step.label()));
                }
            }
            DeploySummary summary = summary(request);
            summary.lines().forEach(out::warn);
            throw new DeployFailedException(step, e, summary);
        }
    }

    private StatusReport status(MigrationDirectory directory, Request request) throws PgMigrateException {
        StatusReport report = new StatusReader(connector).read(directory, request.apply().execOrder());
        StatusFormatter.lines(report).forEach(out::info);
        return report;
    }

    private String plan(Request request) throws PgMigrateException {
        List<String> pending = pending();
        out.info(pending.isEmpty() ? "Plan: nothing to apply" : "Plan: apply " + String.join(", ", pending));
        if (before.outOfOrderError() != null) {
            throw new PgMigrateException(before.outOfOrderError(), "see pgmigrate:status; execOrder decides what"
                    + " happens to files added below the applied version");
        }
        String drift;
        if (request.expected() == null) {
            drift = "drift not checked (checkDrift=false)";
        } else if (before.executed() == 0 || before.lastPartial()) {
            drift = "drift not checked: " + (before.executed() == 0 ? "no migration applied yet"
                    : "the last migration is partially applied");
        } else {
            drift = drift(request);
        }
        out.info("Plan: " + drift);
        return pending.size() + " file(s) to apply; " + drift;
    }

    private String drift(Request request) throws PgMigrateException {
        LiveSchema live = LiveSchema.read(connector, request.scope());
        DriftCheck check = DriftCheck.between(live.inspection().model(),
                request.expected().upTo(before.current(), live.major()));
        if (!check.drifted()) {
            return "no drift at " + before.current();
        }
        check.print(out);
        String found = check.differences().size() + " difference(s) between the live schema and the migrations up to "
                + before.current();
        if (request.failOnDrift()) {
            throw new PgMigrateException("drift: " + found + ", listed above", "put a wanted change into a migration"
                    + " (pgmigrate:diff) or remove it from the database; or deploy with -Dpgmigrate.failOnDrift=false"
                    + " once it is understood");
        }
        return "drift: " + found + " (failOnDrift=false)";
    }

    private List<String> pending() {
        if (before == null) {
            return List.of();
        }
        List<String> versions = before.rows().stream().filter(r -> r.state().equals("pending"))
                .map(StatusReport.Row::version).toList();
        return directory.files().stream().filter(f -> versions.contains(f.version())).map(f -> f.name()).toList();
    }

    private DeploySummary summary(Request request) {
        String from = before == null || before.executed() == 0 ? null : before.current();
        return new DeploySummary(connector.settings().environment(), connector.settings().target().displayUrl(),
                started, from, to, pending(), outcomes);
    }
}
