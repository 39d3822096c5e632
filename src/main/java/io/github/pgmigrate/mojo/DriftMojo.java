package io.github.pgmigrate.mojo;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.database.DatabaseConnector;
import io.github.pgmigrate.schema.diff.Hazard;
import io.github.pgmigrate.schema.drift.Difference;
import io.github.pgmigrate.schema.drift.DriftCheck;
import io.github.pgmigrate.schema.inspect.Inspection;
import io.github.pgmigrate.schema.state.DevStates;
import java.io.IOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Compares the chosen environment's live schema with the schema its migration directory creates (replayed on a dev
 * database of the same PostgreSQL major): every difference, and the SQL that would remove it. Reads only; runs
 * nothing on the environment. See docs/goals/drift.md.
 */
@Mojo(name = "drift", threadSafe = true)
public class DriftMojo extends AbstractSchemaMojo {

    /** Skips this goal only. */
    @Parameter(property = "pgmigrate.drift.skip", defaultValue = "false")
    private boolean driftSkip;

    /** Fail the build when the live schema differs from the migrations' (the scheduled-CI check). */
    @Parameter(property = "pgmigrate.failOnDrift", defaultValue = "true")
    private boolean failOnDrift;

    @Override
    protected String goal() {
        return "drift";
    }

    @Override
    protected boolean goalSkipped() {
        return driftSkip;
    }

    @Override
    protected void runAgainstDatabase()
            throws PgMigrateException, IOException, MojoExecutionException, MojoFailureException {
        DatabaseConnector connector = openDatabase();
        Inspection live = inspect(connector, scope(connector.settings().effectiveRevisionsSchema()));
        Inspection expected = DevStates.inspectReplay(openDevServer(majorOf(connector)), loadDirectory(),
                scope(null));
        DriftCheck drift = DriftCheck.between(live.model(), expected.model());
        if (!drift.drifted()) {
            getLog().info("No drift: the live schema is the one the migration directory creates");
            return;
        }
        getLog().warn("Drift: " + drift.differences().size() + " difference(s) between the live schema and the"
                + " migration directory");
        for (Difference difference : drift.differences()) {
            getLog().warn("  " + difference);
        }
        if (drift.repair() == null) {
            getLog().warn("No SQL to remove it: " + drift.noRepairReason());
        } else {
            for (Hazard hazard : drift.repair().hazards()) {
                getLog().warn("Hazard in the SQL below: " + hazard);
            }
            getLog().info("SQL that would bring the live schema back to the migrations' (not run):");
            drift.repair().sql().lines().forEach(line -> getLog().info("  " + line));
        }
        if (failOnDrift) {
            throw new MojoFailureException("The live schema has drifted from the migration directory: "
                    + drift.differences().size() + " difference(s), listed above (failOnDrift; set"
                    + " -Dpgmigrate.failOnDrift=false to only report). Put the change into a migration"
                    + " (pgmigrate:diff) or remove it from the database.");
        }
    }
}
