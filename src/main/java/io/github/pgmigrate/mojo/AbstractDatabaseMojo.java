package io.github.pgmigrate.mojo;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.config.ConfigurationException;
import io.github.pgmigrate.config.ConnectionSettings;
import io.github.pgmigrate.config.Environment;
import io.github.pgmigrate.config.EnvironmentSelector;
import io.github.pgmigrate.config.Secrets;
import io.github.pgmigrate.database.DatabaseConnector;
import io.github.pgmigrate.database.DatabaseUnavailableException;
import io.github.pgmigrate.devdb.DevServer;
import io.github.pgmigrate.devdb.DevUrls;
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

    /**
     * The server for throw-away dev databases (replays, desired schemas) when no environment names one;
     * {@code -Dpgmigrate.devUrl} overrides any environment's. Default: the embedded PostgreSQL of the target's major.
     */
    @Parameter(property = "pgmigrate.devUrl")
    private String devUrl;

    /** Whether replays onto dev databases may use and fill the replay cache. */
    @Parameter(property = "pgmigrate.devCache", defaultValue = "true")
    private boolean devCache;

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

    /**
     * The database a schema state names: {@code env:NAME} (a configured environment, with its settings.xml
     * credentials) or a URL ({@code jdbc:postgresql://…}, {@code postgres://…}) with its credentials in it.
     *
     * @param parameter the parameter that named the state, for the error when it names no database
     */
    protected final DatabaseConnector openState(String parameter, String state)
            throws ConfigurationException, MojoExecutionException {
        Environment chosen;
        if (state.startsWith("env:")) {
            List<Environment> configured = new ArrayList<>();
            if (environments != null) {
                environments.forEach(e -> configured.add(e.toEnvironment()));
            }
            chosen = SettingsCredentials.apply(EnvironmentSelector.select(configured, state.substring(4)), settings,
                    decrypter);
        } else if (state.startsWith("jdbc:postgresql:") || state.startsWith("postgres://")
                || state.startsWith("postgresql://")) {
            chosen = new Environment(parameter, state, null, null, null, null, null, Map.of(), false);
        } else {
            throw new ConfigurationException(parameter + " names no database (the value is not repeated: it may hold"
                    + " a password)", "use env:NAME (a configured environment) or a URL (jdbc:postgresql://…,"
                    + " postgres://…)");
        }
        ConnectionSettings connection = ConnectionSettings.of(chosen);
        getLog().info(parameter + ": " + connection.target().displayUrl()
                + (connection.user() != null ? " as " + connection.user() : ""));
        return DatabaseConnections.open(connection, repositories, session, getPluginContext(), getLog());
    }

    /**
     * The server for dev databases: {@code -Dpgmigrate.devUrl}, else the chosen environment's {@code <devUrl>}, else
     * {@code <devUrl>}, else this build's embedded PostgreSQL of {@code targetMajor} (null: unknown, the default major).
     */
    protected final DevServer openDevServer(Integer targetMajor) throws ConfigurationException, MojoExecutionException {
        String configured = commandLine("pgmigrate.devUrl", null);
        if (configured == null && environments != null && !environments.isEmpty()) {
            configured = chosenEnvironment(commandLine("pgmigrate.url", null)).devUrl();
        }
        if (configured == null || configured.isBlank()) {
            configured = devUrl;
        }
        return DatabaseConnections.devServer(DevUrls.choose(configured, targetMajor), devCache, repositories, session,
                getPluginContext(), getLog());
    }

    /** The chosen environment's connection, with command-line overrides and settings.xml credentials applied. */
    private ConnectionSettings connection() throws ConfigurationException {
        String overrideUrl = commandLine("pgmigrate.url", null);
        Environment chosen = chosenEnvironment(overrideUrl);
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
        return EnvironmentSelector.select(configured, commandLine("pgmigrate.env", env));
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
