package io.github.pgmigrate.mojo;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.database.DatabaseConnector;
import io.github.pgmigrate.database.DatabaseUnavailableException;
import io.github.pgmigrate.set.RevisionSetter;
import java.io.IOException;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.eclipse.aether.RepositorySystem;

/**
 * Edits the history without running migrations ({@code atlas migrate set}, Alembic's {@code stamp}): the history then
 * ends at {@code toVersion}. See docs/goals/set.md.
 */
@Mojo(name = "set", threadSafe = true)
public class SetMojo extends AbstractPgMigrateMojo {

    /** Skips this goal only. */
    @Parameter(property = "pgmigrate.set.skip", defaultValue = "false")
    private boolean setSkip;

    /** The version the history ends at; default: the last file's (only when the database has a history). */
    @Parameter(property = "pgmigrate.toVersion")
    private String toVersion;

    private final RepositorySystem repositories;

    @Inject
    public SetMojo(SettingsDecrypter decrypter, RepositorySystem repositories) {
        super(decrypter);
        this.repositories = repositories;
    }

    @Override
    protected String goal() {
        return "set";
    }

    @Override
    protected boolean goalSkipped() {
        return setSkip;
    }

    @Override
    protected void run() throws PgMigrateException, IOException, MojoExecutionException {
        var directory = loadDirectory();
        DatabaseConnector connector = DatabaseConnections.open(connection(), repositories, session,
                getPluginContext(), getLog()).withPeerTimeout(peerTimeout());
        try {
            new RevisionSetter(connector, new MavenOutput(getLog())).set(directory, toVersion, strict);
        } catch (DatabaseUnavailableException e) {
            throw new MojoExecutionException(e.describe(), e);
        }
    }
}
