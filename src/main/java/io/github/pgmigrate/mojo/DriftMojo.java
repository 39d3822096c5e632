package io.github.pgmigrate.mojo;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.config.ConfigurationException;
import io.github.pgmigrate.devdb.ReplayedSchema;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.fleet.FleetGoals;
import io.github.pgmigrate.schema.drift.DriftCheck;
import io.github.pgmigrate.schema.inspect.LiveSchema;
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
        MigrationDirectory directory = loadDirectory();
        ReplayedSchema expected = (toVersion, major) -> replayedModel(directory, toVersion, major, "", null);
        if (fleetRequested()) {
            if (tenantQuery() != null) {
                throw new ConfigurationException("targets", tenantQuery(), "drift compares whole databases, and a"
                        + " tenant's objects live in its own schema while the replay builds them in one",
                        "run drift over environments (-Dpgmigrate.env=eu,us or a glob), or over one tenant's"
                                + " database without <targets>");
            }
            runOnFleet(connectors -> FleetGoals.drift(scope(null), expected, failOnDrift, connectors), false);
            return;
        }
        LiveSchema live = LiveSchema.read(openDatabase(), scope(null));
        DriftCheck drift = DriftCheck.between(live.inspection().model(), expected.upTo(null, live.major()));
        drift.print(new MavenOutput(getLog()));
        if (drift.drifted() && failOnDrift) {
            throw new MojoFailureException("The live schema has drifted from the migration directory: "
                    + drift.differences().size() + " difference(s), listed above (failOnDrift; set"
                    + " -Dpgmigrate.failOnDrift=false to only report). Put the change into a migration"
                    + " (pgmigrate:diff) or remove it from the database.");
        }
    }
}
