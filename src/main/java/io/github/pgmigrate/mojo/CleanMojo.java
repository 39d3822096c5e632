package io.github.pgmigrate.mojo;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.clean.CleanOptions;
import io.github.pgmigrate.clean.Cleaner;
import io.github.pgmigrate.database.DatabaseConnector;
import io.github.pgmigrate.guard.GuardedAction;
import java.io.IOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Drops every object in the managed scope and the revisions table, behind the production guard. See
 * docs/goals/clean.md.
 */
@Mojo(name = "clean", threadSafe = true)
public class CleanMojo extends AbstractGuardedMojo {

    /** Skips this goal only. */
    @Parameter(property = "pgmigrate.clean.skip", defaultValue = "false")
    private boolean cleanSkip;

    /** Also drop the extensions installed into the cleaned schemas (kept by default: other schemas may use them). */
    @Parameter(property = "pgmigrate.dropExtensions", defaultValue = "false")
    private boolean dropExtensions;

    /** List what would be dropped and change nothing. */
    @Parameter(property = "pgmigrate.dryRun", defaultValue = "false")
    private boolean dryRun;

    /** How long to wait for another run's migration lock. */
    @Parameter(property = "pgmigrate.lockTimeout", defaultValue = "10s")
    private String lockTimeout;

    @Override
    protected String goal() {
        return "clean";
    }

    @Override
    protected boolean goalSkipped() {
        return cleanSkip;
    }

    @Override
    protected void runAgainstDatabase() throws PgMigrateException, IOException, MojoExecutionException {
        CleanOptions options = cleanOptions(dropExtensions, dryRun, lockTimeout);
        DatabaseConnector connector = openDatabase();
        if (!dryRun) {
            passGuard(GuardedAction.CLEAN, connector, "Drop every object of the managed scope and the history");
        }
        new Cleaner(connector, new MavenOutput(getLog())).clean(options);
    }
}
