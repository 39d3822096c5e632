package io.github.pgmigrate.mojo;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.config.ConfigurationException;
import io.github.pgmigrate.config.ConnectionSettings;
import io.github.pgmigrate.config.Environment;
import io.github.pgmigrate.config.EnvironmentSelector;
import io.github.pgmigrate.config.Secrets;
import io.github.pgmigrate.database.DatabaseConnector;
import io.github.pgmigrate.database.DatabaseUnavailableException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.eclipse.aether.RepositorySystem;

/**
 * A goal that talks to a database: the only holder of the environments and credential parameters, the settings.xml
 * decryption, opening the connection and the translation of an unreachable database into a build error.
 */
public abstract class AbstractDatabaseMojo extends AbstractPgMigrateMojo {

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

    @Parameter(defaultValue = "${settings}", readonly = true, required = true)
    private Settings settings;

    @Inject
    private SettingsDecrypter decrypter;

    @Inject
    private RepositorySystem repositories;

    @Override
    protected final void run() throws PgMigrateException, IOException, MojoFailureException, MojoExecutionException {
        try {
            runAgainstDatabase();
        } catch (DatabaseUnavailableException e) {
            throw new MojoExecutionException(e.describe(), e);
        }
    }

    /** The goal's work; it opens the database with {@link #openDatabase()} once its own parameters are checked. */
    protected abstract void runAgainstDatabase()
            throws PgMigrateException, IOException, MojoFailureException, MojoExecutionException;

    /** The chosen environment's database; {@code embedded[:major]} starts (or reuses) this build's server. */
    protected final DatabaseConnector openDatabase() throws ConfigurationException, MojoExecutionException {
        return DatabaseConnections.open(connection(), repositories, session, getPluginContext(), getLog());
    }

    /** The chosen environment's connection, with command-line overrides and settings.xml credentials applied. */
    private ConnectionSettings connection() throws ConfigurationException {
        List<Environment> configured = new ArrayList<>();
        if (environments != null) {
            environments.forEach(e -> configured.add(e.toEnvironment()));
        }
        if (configured.isEmpty() && url != null) {
            configured.add(new Environment("default", url, user, password, serverId, revisionsSchema, null,
                    Map.of(), true));
        }
        String requested = commandLine("pgmigrate.env", env);
        String overrideUrl = commandLine("pgmigrate.url", null);
        if (configured.isEmpty() && overrideUrl != null) {
            configured.add(new Environment("default", overrideUrl, null, null, null, null, null, Map.of(), true));
        }
        Environment chosen = EnvironmentSelector.select(configured, requested);
        chosen = SettingsCredentials.apply(chosen, settings, decrypter);
        chosen = chosen.overriddenBy(overrideUrl, commandLine("pgmigrate.user", null),
                commandLine("pgmigrate.password", null), commandLine("pgmigrate.revisionsSchema", null));
        ConnectionSettings connection = ConnectionSettings.of(chosen);
        getLog().info("Environment " + connection.environment() + ": " + connection.target().displayUrl()
                + (connection.user() != null ? " as " + connection.user() : ""));
        for (String warning : connection.target().warnings()) {
            getLog().warn(Secrets.scrub(warning, connection.password()));
        }
        return connection;
    }

    /**
     * A command-line value that wins over the POM. Maven lets a {@code <configuration>} value beat a user property, but
     * {@code -Dpgmigrate.url} must override the configured environment for one run (the CI case).
     */
    private String commandLine(String property, String fallback) {
        if (session != null) {
            String value = session.getUserProperties().getProperty(property);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return fallback;
    }
}
