package io.github.pgmigrate.mojo;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.config.DurationSetting;
import io.github.pgmigrate.database.DatabaseConnector;
import io.github.pgmigrate.history.HistoryTarget;
import io.github.pgmigrate.revert.Down;
import io.github.pgmigrate.revert.DownOptions;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Atlas's {@code migrate down}, Alembic's {@code downgrade}: reverts the last applied migrations of the chosen
 * environment with a plan computed on dev databases (or hand-written {@code down/<version>.sql} files), guarded by
 * the drift check and {@code allowDestructive}. See docs/goals/down.md.
 */
@Mojo(name = "down", threadSafe = true)
public class DownMojo extends AbstractSchemaMojo {

    /** Skips this goal only. */
    @Parameter(property = "pgmigrate.down.skip", defaultValue = "false")
    private boolean downSkip;

    /** How many applied migrations to revert, the newest first. */
    @Parameter(property = "pgmigrate.amount", defaultValue = "1")
    private int amount;

    /** Revert down to this applied version, which stays applied (instead of amount). */
    @Parameter(property = "pgmigrate.toVersion")
    private String toVersion;

    /** Run a plan that loses data (dropped tables or columns, narrowed types); refused otherwise. */
    @Parameter(property = "pgmigrate.allowDestructive", defaultValue = "false")
    private boolean allowDestructive;

    /** Print the plan (and check it on a dev database), change nothing. */
    @Parameter(property = "pgmigrate.dryRun", defaultValue = "false")
    private boolean dryRun;

    /** How long to wait for another run's migration lock. */
    @Parameter(property = "pgmigrate.lockTimeout", defaultValue = "10s")
    private String lockTimeout;

    /** The history reverted versions are removed from: {@code atlas} (default), {@code supabase} or {@code both}. */
    @Parameter(property = "pgmigrate.history", defaultValue = "atlas")
    private String history;

    @Override
    protected String goal() {
        return "down";
    }

    @Override
    protected boolean goalSkipped() {
        return downSkip;
    }

    @Override
    protected void runAgainstDatabase()
            throws PgMigrateException, IOException, MojoExecutionException, MojoFailureException {
        Duration lockWait = DurationSetting.parse("lockTimeout", lockTimeout);
        DownOptions options = new DownOptions(amount, toVersion, allowDestructive, dryRun, lockWait, scope(null),
                HistoryTarget.parse(history));
        options.validate();
        DatabaseConnector connector = openDatabase();
        new Down(connector, openDevServer(majorOf(connector)), new MavenOutput(getLog()))
                .run(loadDirectory(), options);
    }

    /** The target's PostgreSQL major, so that the dev databases run the same one. */
    private static Integer majorOf(DatabaseConnector connector) throws PgMigrateException, MojoExecutionException {
        try (Connection connection = connector.open()) {
            return connection.getMetaData().getDatabaseMajorVersion();
        } catch (SQLException e) {
            throw new MojoExecutionException(connector.settings().scrub(e.getMessage()), e);
        }
    }
}
