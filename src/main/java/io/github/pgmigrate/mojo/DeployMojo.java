package io.github.pgmigrate.mojo;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.apply.ApplyOptions;
import io.github.pgmigrate.config.AtlasEnvironment;
import io.github.pgmigrate.config.DurationSetting;
import io.github.pgmigrate.database.DatabaseConnector;
import io.github.pgmigrate.deploy.DeployFailedException;
import io.github.pgmigrate.deploy.DeploySummary;
import io.github.pgmigrate.deploy.Deployment;
import io.github.pgmigrate.devdb.ReplayedSchema;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.directory.TxMode;
import io.github.pgmigrate.guard.GuardedAction;
import io.github.pgmigrate.history.ExecOrder;
import io.github.pgmigrate.lint.LintGate;
import io.github.pgmigrate.lint.LintScope;
import io.github.pgmigrate.output.JsonFile;
import io.github.pgmigrate.report.LintCommand;
import io.github.pgmigrate.report.ReportFormat;
import io.github.pgmigrate.report.ToolInfo;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The guarded production run in one execution: validate, lint, status, the plan (pending files and drift),
 * confirmation, apply, status; a summary for the change ticket in the log and in target/pgmigrate/deploy.json. See
 * docs/goals/deploy.md.
 */
@Mojo(name = "deploy", threadSafe = true)
public class DeployMojo extends AbstractGuardedMojo {

    /** Skips this goal only. */
    @Parameter(property = "pgmigrate.deploy.skip", defaultValue = "false")
    private boolean deploySkip;

    /** Which lint findings stop the deploy: {@code error}, {@code warning} or {@code never} (lint's gate). */
    @Parameter(property = "pgmigrate.lint.failOn", defaultValue = "error")
    private String failOn;

    /** The PostgreSQL version the lint rules follow. */
    @Parameter(property = "pgmigrate.lint.pgVersion", defaultValue = "17")
    private String pgVersion;

    /** Per-rule lint levels, as for lint: {@code <rules><ban-drop-column>warning</ban-drop-column></rules>}. */
    @Parameter
    private Map<String, String> rules;

    /** Per-rule lint levels from the command line, as for lint. */
    @Parameter(property = "pgmigrate.lint.rules")
    private String ruleLevels;

    /** Compare the live schema with the migrations replayed on a dev database before applying. */
    @Parameter(property = "pgmigrate.deploy.checkDrift", defaultValue = "true")
    private boolean checkDrift;

    /** Stop the deploy when the live schema has drifted from the applied migrations. */
    @Parameter(property = "pgmigrate.failOnDrift", defaultValue = "true")
    private boolean failOnDrift;

    /** {@code file} (one transaction per file), {@code all} (one for the run) or {@code none}. */
    @Parameter(property = "pgmigrate.txMode", defaultValue = "file")
    private String txMode;

    /** {@code linear}, {@code linear-skip} or {@code non-linear}: what to do with files added out of order. */
    @Parameter(property = "pgmigrate.execOrder", defaultValue = "linear")
    private String execOrder;

    /** How long to wait for another run's migration lock, and PostgreSQL's lock_timeout per migration. */
    @Parameter(property = "pgmigrate.lockTimeout", defaultValue = "10s")
    private String lockTimeout;

    /** PostgreSQL's statement_timeout per migration; 0 for none. */
    @Parameter(property = "pgmigrate.statementTimeout", defaultValue = "0")
    private String statementTimeout;

    /** Turns policy warnings (duplicate versions, edited applied files) into errors. */
    @Parameter(property = "pgmigrate.strict", defaultValue = "false")
    private boolean strict;

    /** Where the summary is written as deploy.json (also for a stopped deploy). */
    @Parameter(property = "pgmigrate.outputDirectory", defaultValue = "${project.build.directory}/pgmigrate")
    private File outputDirectory;

    @Parameter(defaultValue = "${plugin.version}", readonly = true)
    private String pluginVersion;

    @Override
    protected String goal() {
        return "deploy";
    }

    @Override
    protected boolean goalSkipped() {
        return deploySkip;
    }

    @Override
    protected void runAgainstDatabase() throws PgMigrateException, IOException, MojoExecutionException {
        TxMode mode = TxMode.parse(txMode);
        ApplyOptions apply = ApplyOptions.builder().txMode(mode)
                .execOrder(ExecOrder.parse(orFromAtlas("pgmigrate.execOrder", execOrder, AtlasEnvironment::execOrder)))
                .lockTimeout(DurationSetting.parse("lockTimeout", lockTimeout))
                .statementTimeout(DurationSetting.parse("statementTimeout", statementTimeout)).strict(strict).build();
        apply.validate();
        MigrationDirectory directory = loadDirectory();
        LintCommand.Request lint = new LintCommand.Request(directory, LintScope.of(null, null, null),
                LintConfiguration.options(pgVersion, mode, rules, ruleLevels), LintGate.parse(failOn),
                ReportFormat.parseList("none"), outputDirectory.toPath(), ToolInfo.pgmigrate(pluginVersion),
                this::displayPath, this::displayPath);
        DatabaseConnector connector = openDatabase();
        ReplayedSchema expected = !checkDrift ? null : (version, major) -> replayedModel(directory,
                version, major, "no dev database for the drift check: ", "set devUrl, or"
                        + " -Dpgmigrate.deploy.checkDrift=false to deploy without the drift check");
        Deployment.Request request = new Deployment.Request(directory, apply, lint, expected, failOnDrift,
                scope(null), what -> guardMessage(connector, what));
        Path summary = outputDirectory.toPath().resolve("deploy.json");
        Files.deleteIfExists(summary);
        try {
            DeploySummary done = new Deployment(connector, new MavenOutput(getLog())).run(request);
            JsonFile.write(summary, done.toJson());
        } catch (DeployFailedException e) {
            JsonFile.write(summary, e.summary().toJson());
            throw e;
        }
    }

    private String guardMessage(DatabaseConnector connector, String what) throws PgMigrateException {
        try {
            return passGuard(GuardedAction.DEPLOY, connector, what);
        } catch (MojoExecutionException e) {
            throw new PgMigrateException(e.getMessage(), null, e);
        }
    }
}
