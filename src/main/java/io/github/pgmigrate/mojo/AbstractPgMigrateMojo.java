package io.github.pgmigrate.mojo;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.config.ConfigurationException;
import io.github.pgmigrate.config.ConnectionSettings;
import io.github.pgmigrate.config.Environment;
import io.github.pgmigrate.config.EnvironmentSelector;
import io.github.pgmigrate.config.Secrets;
import io.github.pgmigrate.directory.MigrationDirectory;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * What every pgmigrate goal shares: the skip flags (checked before anything else), the migration directory, the
 * environments and their credentials, and the translation of engine errors into build results.
 */
public abstract class AbstractPgMigrateMojo extends AbstractMojo {

    /** The migration directory, in Atlas's format. */
    @Parameter(property = "pgmigrate.dir", defaultValue = "${project.basedir}/migrations", required = true)
    protected File dir;

    /** Skips every pgmigrate goal. */
    @Parameter(property = "pgmigrate.skip", defaultValue = "false")
    private boolean skip;

    /** Turns policy warnings (duplicate versions, edited applied files) into errors. */
    @Parameter(property = "pgmigrate.strict", defaultValue = "false")
    protected boolean strict;

    /** The databases this project migrates; one is chosen with {@code -Dpgmigrate.env}. */
    @Parameter
    private List<EnvironmentConfig> environments;

    /** The environment to use; default: the one marked default, else the only one. */
    @Parameter(property = "pgmigrate.env")
    private String env;

    /** A database URL when no environments are configured; {@code -Dpgmigrate.url} overrides any environment's. */
    @Parameter(property = "pgmigrate.url")
    private String url;

    /** The user; {@code -Dpgmigrate.user} overrides the environment's. */
    @Parameter(property = "pgmigrate.user")
    private String user;

    /** The password; {@code -Dpgmigrate.password} overrides the environment's. Prefer a settings.xml server. */
    @Parameter(property = "pgmigrate.password")
    private String password;

    /** The settings.xml server holding the credentials when no environments are configured. */
    @Parameter(property = "pgmigrate.serverId")
    private String serverId;

    /** The schema of atlas_schema_revisions when no environments are configured. */
    @Parameter(property = "pgmigrate.revisionsSchema")
    private String revisionsSchema;

    /**
     * The server for throw-away dev databases (replays, desired schemas) when no environment names one;
     * {@code -Dpgmigrate.devUrl} overrides any environment's. Default: the embedded PostgreSQL.
     */
    @Parameter(property = "pgmigrate.devUrl")
    private String devUrl;

    /** Whether replays onto dev databases may use and fill the replay cache. */
    @Parameter(property = "pgmigrate.devCache", defaultValue = "true")
    protected boolean devCache;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    @Parameter(defaultValue = "${settings}", readonly = true, required = true)
    private Settings settings;

    private final SettingsDecrypter decrypter;

    protected AbstractPgMigrateMojo(SettingsDecrypter decrypter) {
        this.decrypter = decrypter;
    }

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping pgmigrate:" + goal() + " (pgmigrate.skip is set)");
            return;
        }
        if (goalSkipped()) {
            getLog().info("Skipping pgmigrate:" + goal() + " (pgmigrate." + goal() + ".skip is set)");
            return;
        }
        try {
            run();
        } catch (PgMigrateException e) {
            throw new MojoFailureException(e.describe());
        } catch (IOException e) {
            throw new MojoExecutionException("pgmigrate:" + goal() + " failed: " + e, e);
        }
    }

    /** The goal's name, as in {@code pgmigrate:<goal>}. */
    protected abstract String goal();

    /** The goal's own {@code pgmigrate.<goal>.skip} flag. */
    protected abstract boolean goalSkipped();

    protected abstract void run() throws PgMigrateException, IOException, MojoFailureException, MojoExecutionException;

    /** The migration directory; a missing directory is an error that says how to create it. */
    protected MigrationDirectory loadDirectory() throws IOException, PgMigrateException {
        Path path = dir.toPath();
        if (!Files.isDirectory(path)) {
            throw new ConfigurationException("the migration directory " + displayPath(path) + " does not exist",
                    "create it with 'mvn pgmigrate:new -Dpgmigrate.name=init', or point <dir> (-Dpgmigrate.dir) at"
                            + " your migrations");
        }
        return MigrationDirectory.load(path);
    }

    /** A path relative to the project, for messages. */
    protected String displayPath(Path path) {
        Path base = session != null && session.getCurrentProject() != null
                ? session.getCurrentProject().getBasedir().toPath() : null;
        if (base != null && path.toAbsolutePath().startsWith(base.toAbsolutePath())) {
            String relative = base.toAbsolutePath().relativize(path.toAbsolutePath()).toString();
            return relative.isEmpty() ? "." : relative;
        }
        return path.toString();
    }

    /** The chosen environment's connection, with command-line overrides and settings.xml credentials applied. */
    protected ConnectionSettings connection() throws ConfigurationException {
        String overrideUrl = override("pgmigrate.url", null);
        Environment chosen = chosenEnvironment(overrideUrl);
        chosen = SettingsCredentials.apply(chosen, settings, decrypter);
        chosen = chosen.overriddenBy(overrideUrl, override("pgmigrate.user", null),
                override("pgmigrate.password", null), override("pgmigrate.revisionsSchema", null));
        ConnectionSettings connection = ConnectionSettings.of(chosen);
        getLog().info("Environment " + connection.environment() + ": " + connection.target().displayUrl()
                + (connection.user() != null ? " as " + connection.user() : ""));
        for (String warning : connection.target().warnings()) {
            getLog().warn(Secrets.scrub(warning, connection.password()));
        }
        return connection;
    }

    /**
     * The dev database server's URL, for {@code DevUrls.choose}: {@code -Dpgmigrate.devUrl}, else the chosen
     * environment's {@code <devUrl>}, else {@code <devUrl>}; null for the embedded default.
     */
    protected String devUrl() throws ConfigurationException {
        String requested = override("pgmigrate.devUrl", null);
        if (requested != null) {
            return requested;
        }
        if (environments == null || environments.isEmpty()) {
            return devUrl;
        }
        String configured = chosenEnvironment(null).devUrl();
        return configured != null && !configured.isBlank() ? configured : devUrl;
    }

    private Environment chosenEnvironment(String overrideUrl) throws ConfigurationException {
        List<Environment> configured = new ArrayList<>();
        if (environments != null) {
            environments.forEach(e -> configured.add(e.toEnvironment()));
        }
        if (configured.isEmpty() && url != null) {
            configured.add(new Environment("default", url, user, password, serverId, revisionsSchema, devUrl,
                    Map.of(), true));
        }
        if (configured.isEmpty() && overrideUrl != null) {
            configured.add(new Environment("default", overrideUrl, null, null, null, null, devUrl, Map.of(), true));
        }
        return EnvironmentSelector.select(configured, override("pgmigrate.env", env));
    }

    /**
     * A command-line value that wins over the POM. Maven lets a {@code <configuration>} value beat a user property, but
     * {@code -Dpgmigrate.url} must override the configured environment for one run (the CI case).
     */
    private String override(String property, String fallback) {
        if (session != null) {
            String value = session.getUserProperties().getProperty(property);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return fallback;
    }
}
