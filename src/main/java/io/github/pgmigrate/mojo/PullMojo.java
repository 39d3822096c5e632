package io.github.pgmigrate.mojo;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.database.DatabaseConnector;
import io.github.pgmigrate.history.HistoryTarget;
import io.github.pgmigrate.pull.SchemaPull;
import java.io.IOException;
import java.time.Clock;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes the chosen environment's schema (managed schemas left out) as the next migration file and records it as
 * applied there (a baseline): Supabase's {@code db pull}. See docs/goals/pull.md.
 */
@Mojo(name = "pull", threadSafe = true)
public class PullMojo extends AbstractSchemaMojo {

    /** Skips this goal only. */
    @Parameter(property = "pgmigrate.pull.skip", defaultValue = "false")
    private boolean pullSkip;

    /** The new file's name after its version. */
    @Parameter(property = "pgmigrate.name", defaultValue = "baseline")
    private String name;

    /** Pull although the database already has a history: the whole schema is recorded above it (a squash). */
    @Parameter(property = "pgmigrate.pull.overHistory", defaultValue = "false")
    private boolean overHistory;

    /** Where the baseline is recorded: {@code atlas} (default), {@code supabase} or {@code both}. */
    @Parameter(property = "pgmigrate.history", defaultValue = "atlas")
    private String history;

    @Override
    protected String goal() {
        return "pull";
    }

    @Override
    protected boolean goalSkipped() {
        return pullSkip;
    }

    @Override
    protected void runAgainstDatabase() throws PgMigrateException, IOException, MojoExecutionException {
        HistoryTarget target = HistoryTarget.parse(history);
        DatabaseConnector connector = openDatabase();
        new SchemaPull(connector, new MavenOutput(getLog())).pull(dir.toPath(), name,
                scope(connector.settings().effectiveRevisionsSchema()), target, overHistory, Clock.systemUTC());
    }
}
