package io.github.pgmigrate.mojo;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.apply.Applier;
import io.github.pgmigrate.apply.ApplyJson;
import io.github.pgmigrate.apply.ApplyOptions;
import io.github.pgmigrate.apply.InFlightResolution;
import io.github.pgmigrate.apply.ApplyResult;
import io.github.pgmigrate.checksum.SumFile;
import io.github.pgmigrate.config.AtlasEnvironment;
import io.github.pgmigrate.config.ConfigurationException;
import io.github.pgmigrate.config.DurationSetting;
import io.github.pgmigrate.database.ConnectionAhead;
import io.github.pgmigrate.database.DatabaseConnector;
import io.github.pgmigrate.fleet.FleetGoals;
import io.github.pgmigrate.directory.TxMode;
import io.github.pgmigrate.history.ExecOrder;
import io.github.pgmigrate.history.HistoryTarget;
import io.github.pgmigrate.output.JsonFile;
import io.github.pgmigrate.status.StatusFormatter;
import io.github.pgmigrate.status.StatusReader;
import io.github.pgmigrate.validate.PreflightCheck;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Applies the pending migrations to the chosen environment's database, as {@code atlas migrate apply} does and into
 * the same {@code atlas_schema_revisions} table. See docs/goals/apply.md.
 */
@Mojo(name = "apply", defaultPhase = LifecyclePhase.PRE_INTEGRATION_TEST, threadSafe = true)
public class ApplyMojo extends AbstractDatabaseMojo {

    /** Skips this goal only. */
    @Parameter(property = "pgmigrate.apply.skip", defaultValue = "false")
    private boolean applySkip;

    /** {@code file} (one transaction per file), {@code all} (one for the run) or {@code none}. */
    @Parameter(property = "pgmigrate.txMode", defaultValue = "file")
    private String txMode;

    /** {@code linear}, {@code linear-skip} or {@code non-linear}: what to do with files added out of order. */
    @Parameter(property = "pgmigrate.execOrder", defaultValue = "linear")
    private String execOrder;

    /** On a database without history: record this version as applied and apply only the files after it. */
    @Parameter(property = "pgmigrate.baseline")
    private String baseline;

    /** On a database without history: apply even though the database already holds other objects. */
    @Parameter(property = "pgmigrate.allowDirty", defaultValue = "false")
    private boolean allowDirty;

    /** Print the SQL that would run and change nothing. */
    @Parameter(property = "pgmigrate.dryRun", defaultValue = "false")
    private boolean dryRun;

    /** Apply up to and including this version. */
    @Parameter(property = "pgmigrate.toVersion")
    private String toVersion;

    /** Apply at most this many files (0: all). */
    @Parameter(property = "pgmigrate.amount", defaultValue = "0")
    private int amount;

    /** How long to wait for another run's migration lock, and PostgreSQL's lock_timeout per migration. */
    @Parameter(property = "pgmigrate.lockTimeout", defaultValue = "10s")
    private String lockTimeout;

    /** PostgreSQL's statement_timeout per migration; 0 for none. */
    @Parameter(property = "pgmigrate.statementTimeout", defaultValue = "0")
    private String statementTimeout;

    /** Turns policy warnings (duplicate versions, edited applied files) into errors. */
    @Parameter(property = "pgmigrate.strict", defaultValue = "false")
    private boolean strict;

    /**
     * For a statement a stopped run left in flight that the catalog cannot judge: check (stop and say what to
     * check), applied (it took effect) or rerun (it did not).
     */
    @Parameter(property = "pgmigrate.inFlight", defaultValue = "check")
    private String inFlight;

    /** Print the status table after applying. */
    @Parameter(property = "pgmigrate.apply.status", defaultValue = "false")
    private boolean printStatus;

    /** How often a line says that a long statement is still running; 0 for never. */
    @Parameter(property = "pgmigrate.heartbeat", defaultValue = "5s")
    private String heartbeat;

    /** Where applied versions are recorded: {@code atlas} (default), {@code supabase} or {@code both}. */
    @Parameter(property = "pgmigrate.history", defaultValue = "atlas")
    private String history;

    /** Where the run's summary is written as apply.json (a failed run leaves none). */
    @Parameter(property = "pgmigrate.outputDirectory", defaultValue = "${project.build.directory}/pgmigrate")
    private File outputDirectory;

    @Override
    protected String goal() {
        return "apply";
    }

    @Override
    protected boolean goalSkipped() {
        return applySkip;
    }

    @Override
    protected void runAgainstDatabase()
            throws PgMigrateException, IOException, MojoExecutionException, MojoFailureException {
        ApplyOptions options = options();
        options.validate();
        var directory = loadDirectory();
        if (fleetRequested()) {
            SumFile verified = PreflightCheck.verify(directory, options.strict(), new MavenOutput(getLog()));
            runOnFleet(connectors -> FleetGoals.apply(directory, verified, options, connectors), true);
            return;
        }
        DatabaseConnector connector = openDatabase();
        MavenOutput out = new MavenOutput(getLog());
        Path summary = outputDirectory.toPath().resolve("apply.json");
        Files.deleteIfExists(summary);
        ApplyResult result;
        try (ConnectionAhead ahead = connector.connectAhead()) {
            result = new Applier(connector, out).apply(directory, options);
        }
        JsonFile.write(summary, json -> ApplyJson.write(result, json));
        if (printStatus && !dryRun) {
            StatusFormatter.lines(new StatusReader(connector).read(directory, options.execOrder(), options.history()))
                    .forEach(out::info);
        }
    }

    private ApplyOptions options() throws ConfigurationException {
        String order = orFromAtlas("pgmigrate.execOrder", execOrder, AtlasEnvironment::execOrder);
        return ApplyOptions.builder().txMode(TxMode.parse(txMode)).execOrder(ExecOrder.parse(order))
                .baseline(orFromAtlas("pgmigrate.baseline", baseline, AtlasEnvironment::baseline))
                .allowDirty(allowDirty).dryRun(dryRun).toVersion(toVersion).amount(amount)
                .lockTimeout(DurationSetting.parse("lockTimeout", lockTimeout))
                .statementTimeout(DurationSetting.parse("statementTimeout", statementTimeout)).strict(strict)
                .inFlight(InFlightResolution.parse(inFlight))
                .heartbeat(DurationSetting.parse("heartbeat", heartbeat)).history(HistoryTarget.parse(history))
                .build();
    }
}
