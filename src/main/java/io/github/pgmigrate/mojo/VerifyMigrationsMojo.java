package io.github.pgmigrate.mojo;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.config.ConfigurationException;
import io.github.pgmigrate.revert.RoundTrip;
import io.github.pgmigrate.revert.RoundTripResult;
import io.github.pgmigrate.schema.model.SchemaModel;
import java.io.IOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The round-trip check: on a throw-away dev database, every migration is applied, reverted (hand-written
 * {@code down/<version>.sql} or computed) to exactly the schema before it, and applied again; then the directory
 * must create the desired {@code schema}. Touches no environment. See docs/goals/verify-migrations.md.
 */
@Mojo(name = "verify-migrations", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class VerifyMigrationsMojo extends AbstractSchemaMojo {

    /** Skips this goal only. */
    @Parameter(property = "pgmigrate.verify-migrations.skip", defaultValue = "false")
    private boolean verifyMigrationsSkip;

    /** Check only the newest N migrations (the pull-request case); the files before them are replayed. 0: all. */
    @Parameter(property = "pgmigrate.latest", defaultValue = "0")
    private int latest;

    /** The desired schema the whole directory must create (file:schema.sql, env:NAME, a URL); unset: not checked. */
    @Parameter(property = "pgmigrate.schema")
    private String schema;

    @Override
    protected String goal() {
        return "verify-migrations";
    }

    @Override
    protected boolean goalSkipped() {
        return verifyMigrationsSkip;
    }

    @Override
    protected void runAgainstDatabase()
            throws PgMigrateException, IOException, MojoExecutionException, MojoFailureException {
        if (latest < 0) {
            throw new ConfigurationException("latest", Integer.toString(latest), "is negative",
                    "latest=N checks the newest N migrations; 0 (the default) checks all of them");
        }
        SchemaModel desired = schema == null || schema.isBlank() ? null
                : inspectState("schema", state("schema", schema), null).model();
        RoundTripResult result = new RoundTrip(openDevServer(null), new MavenOutput(getLog()))
                .check(loadDirectory(), latest, desired, scope(null));
        if (result.failed()) {
            long failed = result.migrations().stream().filter(check -> !check.passed()).count();
            throw new MojoFailureException("verify-migrations failed: " + (failed > 0 ? failed + " migration(s) do not"
                    + " survive apply, down, apply (listed above)" : "the migration directory does not create the"
                    + " desired schema (listed above)"));
        }
        getLog().info("verify-migrations: " + result.migrations().size() + " migration(s) passed the round trip"
                + (desired == null ? "" : ", and the directory creates the desired schema"));
    }
}
