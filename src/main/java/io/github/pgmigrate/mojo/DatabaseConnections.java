package io.github.pgmigrate.mojo;

import io.github.pgmigrate.config.ConnectionSettings;
import io.github.pgmigrate.database.DatabaseConnector;
import io.github.pgmigrate.devdb.DevServer;
import io.github.pgmigrate.embedded.BinariesArchive;
import io.github.pgmigrate.embedded.EmbeddedPostgresVersions;
import io.github.pgmigrate.embedded.EmbeddedServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * Turns the chosen environment into a {@link DatabaseConnector}. For {@code embedded[:major]} it resolves that major's
 * PostgreSQL binaries through Maven (from the local repository or Maven Central), and the first time the library
 * that starts them ({@link EmbeddedLibrary}), and starts them; the server lives until Maven exits and is shared by the
 * goals of one build (kept in the plugin context), so {@code mvn pgmigrate:apply pgmigrate:status} reports on the
 * database that apply just migrated.
 */
final class DatabaseConnections {
    private DatabaseConnections() {
    }

    static DatabaseConnector open(ConnectionSettings settings, RepositorySystem repositories, MavenSession session,
                                  Map<?, ?> pluginContext, Log log) throws MojoExecutionException {
        if (!settings.target().isEmbedded()) {
            return DatabaseConnector.of(settings);
        }
        EmbeddedServer server = embeddedServer(settings.target().embeddedMajor(), repositories, session,
                pluginContext, log);
        return DatabaseConnector.embedded(settings, server);
    }

    /**
     * The server dev databases go to: the one {@code devUrl} names, else (or for {@code embedded[:major]}) this
     * build's embedded server of that major, the same one {@code url=embedded} uses.
     */
    static DevServer devServer(ConnectionSettings devUrl, boolean cache, RepositorySystem repositories,
                               MavenSession session, Map<?, ?> pluginContext, Log log) throws MojoExecutionException {
        MavenOutput out = new MavenOutput(log);
        if (!devUrl.target().isEmbedded()) {
            return DevServer.external(devUrl, cache, out);
        }
        return DevServer.embedded(embeddedServer(devUrl.target().embeddedMajor(), repositories, session,
                pluginContext, log), cache, out);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static EmbeddedServer embeddedServer(int major, RepositorySystem repositories, MavenSession session,
                                                 Map pluginContext, Log log) throws MojoExecutionException {
        String key = "pgmigrate.embedded." + major;
        Map context = pluginContext != null ? pluginContext : new java.util.HashMap();
        synchronized (context) {
            EmbeddedServer server = (EmbeddedServer) context.get(key);
            if (server == null) {
                EmbeddedLibrary.ensureLoaded(repositories, session, log);
                Path binaries = resolve(major, repositories, session);
                try {
                    server = EmbeddedServer.start(new BinariesArchive(binaries));
                } catch (IOException e) {
                    throw new MojoExecutionException("could not start embedded PostgreSQL " + major + " from "
                            + binaries + ": " + e.getMessage(), e);
                }
                context.put(key, server);
                log.info("Started embedded PostgreSQL " + server.serverVersion() + " on port " + server.port()
                        + " in " + server.startTime().toMillis() + " ms" + (server.fromTemplate() ? ""
                        : " (first start with these binaries: initdb ran and was cached)")
                        + "; a throw-away database, gone when Maven exits");
            }
            return server;
        }
    }

    private static Path resolve(int major, RepositorySystem repositories, MavenSession session)
            throws MojoExecutionException {
        DefaultArtifact artifact = new DefaultArtifact(EmbeddedPostgresVersions.GROUP_ID,
                EmbeddedPostgresVersions.ARTIFACT_ID, "jar", EmbeddedPostgresVersions.binariesVersion(major));
        MavenProject project = session.getCurrentProject();
        List<RemoteRepository> remotes = project != null ? project.getRemoteProjectRepositories() : List.of();
        try {
            return repositories.resolveArtifact(session.getRepositorySession(),
                    new ArtifactRequest(artifact, remotes, null)).getArtifact().getFile().toPath();
        } catch (ArtifactResolutionException e) {
            throw new MojoExecutionException("could not resolve the PostgreSQL " + major + " binaries " + artifact
                    + ". They come from Maven Central; offline, fetch them once with mvn dependency:get -Dartifact="
                    + artifact + ". Maven said: " + e.getMessage(), e);
        }
    }
}
