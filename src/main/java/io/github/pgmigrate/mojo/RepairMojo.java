package io.github.pgmigrate.mojo;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.repair.HashRepair;
import java.io.IOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Accepts intended edits of applied migrations (Flyway's {@code repair}): lists the applied files whose atlas.sum hash
 * changed since they ran and records their current hashes. Runs no migration. See docs/goals/repair.md.
 */
@Mojo(name = "repair", threadSafe = true)
public class RepairMojo extends AbstractDatabaseMojo {

    /** Skips this goal only. */
    @Parameter(property = "pgmigrate.repair.skip", defaultValue = "false")
    private boolean repairSkip;

    /** List what would be recorded and write nothing. */
    @Parameter(property = "pgmigrate.dryRun", defaultValue = "false")
    private boolean dryRun;

    /** Turns policy warnings of the directory check (duplicate versions) into errors. */
    @Parameter(property = "pgmigrate.strict", defaultValue = "false")
    private boolean strict;

    @Override
    protected String goal() {
        return "repair";
    }

    @Override
    protected boolean goalSkipped() {
        return repairSkip;
    }

    @Override
    protected void runAgainstDatabase() throws PgMigrateException, IOException, MojoExecutionException {
        new HashRepair(openDatabase(), new MavenOutput(getLog())).repair(loadDirectory(), dryRun, strict);
    }
}
