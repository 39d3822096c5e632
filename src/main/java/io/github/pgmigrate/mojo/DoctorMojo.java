package io.github.pgmigrate.mojo;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.config.AtlasEnvironment;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.doctor.Doctor;
import io.github.pgmigrate.doctor.DoctorReport;
import io.github.pgmigrate.history.ExecOrder;
import io.github.pgmigrate.history.HistoryTarget;
import java.io.IOException;
import java.nio.file.Files;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Connects to the chosen environment and reports server version, pooler mode, SSL, the clean check, Atlas's and
 * Supabase's histories and the pending count; on a failure, its cause and fix. Reads only. See docs/goals/doctor.md.
 */
@Mojo(name = "doctor", threadSafe = true)
public class DoctorMojo extends AbstractDatabaseMojo {

    /** Skips this goal only. */
    @Parameter(property = "pgmigrate.doctor.skip", defaultValue = "false")
    private boolean doctorSkip;

    /** The execution order apply uses, for the pending count. */
    @Parameter(property = "pgmigrate.execOrder", defaultValue = "linear")
    private String execOrder;

    /** The history the pending count is computed from: {@code atlas} (default), {@code supabase} or {@code both}. */
    @Parameter(property = "pgmigrate.history", defaultValue = "atlas")
    private String history;

    @Override
    protected String goal() {
        return "doctor";
    }

    @Override
    protected boolean goalSkipped() {
        return doctorSkip;
    }

    @Override
    protected void runAgainstDatabase()
            throws PgMigrateException, IOException, MojoExecutionException, MojoFailureException {
        ExecOrder order = ExecOrder.parse(orFromAtlas("pgmigrate.execOrder", execOrder, AtlasEnvironment::execOrder));
        HistoryTarget target = HistoryTarget.parse(history);
        MigrationDirectory directory = Files.isDirectory(dir.toPath()) ? loadDirectory() : null;
        DoctorReport report = new Doctor(openDatabase()).examine(directory, order, target);
        report.lines().forEach(getLog()::info);
        if (!report.healthy()) {
            throw new MojoFailureException("doctor: " + report.error());
        }
    }
}
