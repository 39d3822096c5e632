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
public class CleanMojo extends AbstractWipingMojo {

    /** Skips this goal only. */
    @Parameter(property = "pgmigrate.clean.skip", defaultValue = "false")
    private boolean cleanSkip;

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
        CleanOptions options = cleanOptions();
        DatabaseConnector connector = openDatabase();
        if (!dryRun()) {
            passGuard(GuardedAction.CLEAN, connector, "Drop every object of the managed scope and the history");
        }
        new Cleaner(connector, new MavenOutput(getLog())).clean(options);
    }
}
