package io.github.pgmigrate.mojo;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.config.AtlasEnvironment;
import io.github.pgmigrate.config.AtlasProjectFile;
import io.github.pgmigrate.config.ConfigurationException;
import io.github.pgmigrate.config.ConnectionSettings;
import io.github.pgmigrate.config.Environment;
import io.github.pgmigrate.config.EnvironmentSelector;
import io.github.pgmigrate.config.SecretSources;
import io.github.pgmigrate.config.Secrets;
import io.github.pgmigrate.database.DatabaseConnector;
import io.github.pgmigrate.database.DatabaseUnavailableException;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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
     * The pool mode of a connection pooler in front of PostgreSQL: {@code transaction}, {@code session} or
     * {@code none}. Unset: guessed from the URL (Supabase's port 6543, {@code pgbouncer=true}). An environment's own
     * {@code <pooler>} wins over this one; {@code -Dpgmigrate.pooler} wins over both.
     */
    @Parameter(property = "pgmigrate.pooler")
    private String pooler;

    /** Use the {@code env "<name>"} block of the Atlas project file instead of {@code <environments>}. */
    @Parameter(property = "pgmigrate.atlasEnv")
    private String atlasEnv;

    /** The Atlas project file that {@code atlasEnv} reads. */
    @Parameter(property = "pgmigrate.atlasConfig", defaultValue = "${project.basedir}/atlas.hcl")
    private File atlasConfig;

    @Parameter(defaultValue = "${settings}", readonly = true, required = true)
    private Settings settings;

    @Inject
    private SettingsDecrypter decrypter;

    @Inject
    private RepositorySystem repositories;

    private AtlasEnvironment atlas;

    @Override
    protected final void run() throws PgMigrateException, IOException, MojoFailureException, MojoExecutionException {
        readAtlasEnvironment();
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
     * With {@code atlasEnv}: reads that env block, and takes its migration directory unless {@code -Dpgmigrate.dir}
     * is given.
     */
    private void readAtlasEnvironment() throws ConfigurationException {
        if (atlasEnv == null || atlasEnv.isBlank()) {
            return;
        }
        atlas = AtlasProjectFile.read(atlasConfig.toPath(), atlasEnv.strip(), SecretSources.ofProcess());
        String file = displayPath(atlasConfig.toPath());
        for (String unused : atlas.notUsed()) {
            getLog().warn("Not used by pgmigrate, from " + file + " (" + unused + ")");
        }
        if (!atlas.exclude().isEmpty()) {
            getLog().info("exclude " + atlas.exclude() + " from " + file + " applies to schema inspection; apply,"
                    + " status and set do not inspect schemas");
        }
        if (atlas.dir() != null && commandLine("pgmigrate.dir", null) == null) {
            dir = atlas.dir().toFile();
            getLog().info("Migration directory " + displayPath(atlas.dir()) + " (migration.dir of env \""
                    + atlasEnv.strip() + "\" in " + file + ")");
        }
    }

    /**
     * A goal parameter the Atlas project file can set ({@code migration { baseline, exec_order }}): its value there,
     * unless none is read or the command line sets the parameter.
     */
    protected final String orFromAtlas(String property, String configured,
                                       Function<AtlasEnvironment, String> fromAtlas) {
        if (atlas == null || commandLine(property, null) != null) {
            return configured;
        }
        String value = fromAtlas.apply(atlas);
        return value != null ? value : configured;
    }

    /** The chosen environment's connection, with command-line overrides and settings.xml credentials applied. */
    private ConnectionSettings connection() throws ConfigurationException {
        warnAboutLiteralSecrets();
        List<Environment> configured = new ArrayList<>();
        if (atlas != null) {
            configured.add(atlas.environment());
        } else if (environments != null) {
            environments.forEach(e -> configured.add(e.toEnvironment()));
        }
        if (configured.isEmpty() && url != null) {
            configured.add(new Environment("default", url, user, password, serverId, revisionsSchema, null,
                    Map.of(), true));
        }
        String requested = atlas != null ? atlas.environment().name() : commandLine("pgmigrate.env", env);
        String overrideUrl = commandLine("pgmigrate.url", null);
        if (configured.isEmpty() && overrideUrl != null) {
            configured.add(new Environment("default", overrideUrl, null, null, null, null, null, Map.of(), true));
        }
        Environment chosen = EnvironmentSelector.select(configured, requested);
        chosen = SettingsCredentials.apply(chosen, settings, decrypter);
        chosen = chosen.overriddenBy(overrideUrl, commandLine("pgmigrate.user", null),
                commandLine("pgmigrate.password", null), commandLine("pgmigrate.revisionsSchema", null));
        chosen = chosen.withPooler(commandLine("pgmigrate.pooler", chosen.pooler() != null ? null : pooler));
        ConnectionSettings connection = ConnectionSettings.of(chosen, SecretSources.ofProcess());
        getLog().info("Environment " + connection.environment() + ": " + connection.target().displayUrl()
                + (connection.user() != null ? " as " + connection.user() : "")
                + (connection.passwordSource() != null ? " (password from " + connection.passwordSource() + ")"
                        : ""));
        for (String warning : connection.target().warnings()) {
            getLog().warn(Secrets.scrub(warning, connection.password()));
        }
        return connection;
    }

    /**
     * Under {@code -X} Maven prints every parameter of the goal, so a password written into the POM or given as
     * {@code -Dpgmigrate.password} is in the log; say which ones and what is safe instead.
     */
    private void warnAboutLiteralSecrets() {
        if (!getLog().isDebugEnabled()) {
            return;
        }
        List<String> places = new ArrayList<>(Secrets.literalIn(url, password,
                " (or -Dpgmigrate.url / -Dpgmigrate.password)"));
        if (environments != null) {
            for (EnvironmentConfig environment : environments) {
                Environment e = environment.toEnvironment();
                places.addAll(Secrets.literalIn(e.url(), e.password(), " of environment \"" + e.name() + "\""));
            }
        }
        if (!places.isEmpty()) {
            getLog().warn("-X prints the plugin's parameters, and so the secret in " + String.join(", ", places)
                    + ", in plain text above. Pass it as env:NAME (e.g. <password>env:DB_PASSWORD</password> or"
                    + " -Dpgmigrate.url=env:DATABASE_URL), through PGPASSWORD or ~/.pgpass, or from a settings.xml"
                    + " <server>; see docs/configuration.md#secrets");
        }
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
