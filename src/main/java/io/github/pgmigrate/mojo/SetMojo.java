package io.github.pgmigrate.mojo;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.database.DatabaseConnector;
import io.github.pgmigrate.set.RevisionSetter;
import java.io.IOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Edits the history without running migrations ({@code atlas migrate set}, Alembic's {@code stamp}): the history then
 * ends at {@code toVersion}. See docs/goals/set.md.
 */
@Mojo(name = "set", threadSafe = true)
public class SetMojo extends AbstractDatabaseMojo {

    /** Skips this goal only. */
    @Parameter(property = "pgmigrate.set.skip", defaultValue = "false")
    private boolean setSkip;

    /** The version the history ends at; default: the last file's. */
    @Parameter(property = "pgmigrate.toVersion")
    private String toVersion;

    /** Turns policy warnings of the directory check (duplicate versions) into errors. */
    @Parameter(property = "pgmigrate.strict", defaultValue = "false")
    private boolean strict;

    @Override
    protected String goal() {
        return "set";
    }

    @Override
    protected boolean goalSkipped() {
        return setSkip;
    }

    @Override
    protected void runAgainstDatabase() throws PgMigrateException, IOException, MojoExecutionException {
        var directory = loadDirectory();
        DatabaseConnector connector = openDatabase();
        new RevisionSetter(connector, new MavenOutput(getLog())).set(directory, toVersion, strict);
    }
}
