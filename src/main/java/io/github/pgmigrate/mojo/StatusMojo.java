package io.github.pgmigrate.mojo;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.config.AtlasEnvironment;
import io.github.pgmigrate.history.ExecOrder;
import io.github.pgmigrate.history.HistoryTarget;
import io.github.pgmigrate.database.DatabaseConnector;
import io.github.pgmigrate.output.JsonFile;
import io.github.pgmigrate.status.StatusFormat;
import io.github.pgmigrate.fleet.FleetGoals;
import io.github.pgmigrate.status.StatusFormatter;
import io.github.pgmigrate.status.StatusJson;
import io.github.pgmigrate.status.StatusReader;
import io.github.pgmigrate.status.StatusReport;
import java.io.File;
import java.io.IOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Shows which migrations the chosen database has applied and which are pending, and with {@code failIfPending}
 * fails the build when it is not up to date. Reads only. See docs/goals/status.md.
 */
@Mojo(name = "status", threadSafe = true)
public class StatusMojo extends AbstractDatabaseMojo {

    /** Skips this goal only. */
    @Parameter(property = "pgmigrate.status.skip", defaultValue = "false")
    private boolean statusSkip;

    /** Fail the build when a migration is pending, out of order or partially applied, or an applied file changed. */
    @Parameter(property = "pgmigrate.failIfPending", defaultValue = "false")
    private boolean failIfPending;

    /** The execution order apply uses ({@code linear}, {@code linear-skip}, {@code non-linear}). */
    @Parameter(property = "pgmigrate.execOrder", defaultValue = "linear")
    private String execOrder;

    /** {@code text} (Atlas's block and a table) or {@code json}; status.json is written either way. */
    @Parameter(property = "pgmigrate.format", defaultValue = "text")
    private String format;

    /** Where the report is written as status.json. */
    @Parameter(property = "pgmigrate.outputDirectory", defaultValue = "${project.build.directory}/pgmigrate")
    private File outputDirectory;

    /** The history pending files are computed from: {@code atlas} (default), {@code supabase} or {@code both}. */
    @Parameter(property = "pgmigrate.history", defaultValue = "atlas")
    private String history;

    @Override
    protected String goal() {
        return "status";
    }

    @Override
    protected boolean goalSkipped() {
        return statusSkip;
    }

    @Override
    protected void runAgainstDatabase() throws PgMigrateException, IOException, MojoExecutionException, MojoFailureException {
        ExecOrder order = ExecOrder.parse(orFromAtlas("pgmigrate.execOrder", execOrder, AtlasEnvironment::execOrder));
        StatusFormat shown = StatusFormat.parse(format);
        HistoryTarget target = HistoryTarget.parse(history);
        var directory = loadDirectory();
        if (fleetRequested()) {
            runOnFleet(connectors -> FleetGoals.status(directory, order, target, failIfPending, connectors), false);
            return;
        }
        DatabaseConnector connector = openDatabase();
        StatusReport report = new StatusReader(connector).read(directory, order, target);
        JsonFile.write(outputDirectory.toPath().resolve("status.json"), StatusJson.toJson(report));
        if (shown == StatusFormat.JSON) {
            JsonFile.render(StatusJson.toJson(report)).lines().forEach(getLog()::info);
        } else {
            StatusFormatter.lines(report).forEach(getLog()::info);
        }
        if (failIfPending && report.gateFailure().isPresent()) {
            throw new MojoFailureException(report.gateFailure().get());
        }
    }
}
