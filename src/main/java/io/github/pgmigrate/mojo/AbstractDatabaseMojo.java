package io.github.pgmigrate.mojo;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.config.AtlasEnvironment;
import io.github.pgmigrate.config.AtlasProjectFile;
import io.github.pgmigrate.config.ConfigurationException;
import io.github.pgmigrate.config.DurationSetting;
import io.github.pgmigrate.config.ConnectionSettings;
import io.github.pgmigrate.config.Environment;
import io.github.pgmigrate.config.EnvironmentSelector;
import io.github.pgmigrate.config.SecretSources;
import io.github.pgmigrate.config.Secrets;
import io.github.pgmigrate.database.DatabaseConnector;
import io.github.pgmigrate.database.DatabaseUnavailableException;
import io.github.pgmigrate.devdb.DevServer;
import io.github.pgmigrate.devdb.DevUrls;
import io.github.pgmigrate.guard.GuardSubject;
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
     * How long a silent server may take to be declared dead: bounds connecting and logging in, and sets TCP keepalive
     * on both ends (see docs/reliability.md).
     */
    @Parameter(property = "pgmigrate.peerTimeout", defaultValue = "60s")
    private String peerTimeout;

    /**
     * Tenant schemas of the chosen environment, each migrated as a target of its own:
     * {@code <targets><query>select nspname from pg_namespace where nspname like 'tenant\_%'</query></targets>}.
     */
    @Parameter
    private TargetsConfig targets;

    /** Fleet runs: how many targets run at a time (lowered to what each server's connections allow). */
    @Parameter(property = "pgmigrate.parallelism", defaultValue = "4")
    private int parallelism;

    /** Fleet runs: stop starting targets after the first failure (targets already running finish). */
    @Parameter(property = "pgmigrate.failFast", defaultValue = "false")
    private boolean failFast;

    /**
     * The server for throw-away dev databases (replays, desired schemas) when no environment names one;
     * {@code -Dpgmigrate.devUrl} overrides any environment's. Default: the embedded PostgreSQL of the target's major.
     */
    @Parameter(property = "pgmigrate.devUrl")
    private String devUrl;

    /** Whether replays onto dev databases may use and fill the replay cache. */
    @Parameter(property = "pgmigrate.devCache", defaultValue = "true")
    private boolean devCache;

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
        return open(connections(false).get(0));
    }

    /**
     * The server for dev databases: {@code -Dpgmigrate.devUrl}, else the chosen environment's {@code <devUrl>}, else
     * {@code <devUrl>}, else this build's embedded PostgreSQL of {@code targetMajor} (null: unknown, the default major).
     */
    protected final DevServer openDevServer(Integer targetMajor) throws ConfigurationException, MojoExecutionException {
        String configured = commandLine("pgmigrate.devUrl", null);
        if (configured == null && environments != null && !environments.isEmpty() && !fleetRequested()) {
            configured = chosenEnvironment(commandLine("pgmigrate.url", null)).devUrl();
        }
        if (configured == null || configured.isBlank()) {
            configured = devUrl;
        }
        return DatabaseConnections.devServer(DevUrls.choose(configured, targetMajor), devCache, repositories, session,
                getPluginContext(), getLog());
    }

    /** A database of this build: {@code embedded[:major]} starts (or reuses) this build's server. */
    private DatabaseConnector open(ConnectionSettings connection)
            throws ConfigurationException, MojoExecutionException {
        java.time.Duration timeout = DurationSetting.parse("peerTimeout", peerTimeout);
        if (timeout.toSeconds() < 3) {
            throw new ConfigurationException("peerTimeout", peerTimeout, "is shorter than 3s",
                    "the default 60s lets a dead server or network be noticed within about a minute");
        }
        return DatabaseConnections.open(connection, repositories, session, getPluginContext(), getLog())
                .withPeerTimeout(timeout);
    }

    /** What the production guard judges: the chosen environment, its marks and where the connection goes. */
    protected final GuardSubject guardSubject(DatabaseConnector connector) throws ConfigurationException {
        Environment chosen = chosenEnvironment(commandLine("pgmigrate.url", null));
        ConnectionSettings connection = connector.settings();
        return new GuardSubject(chosen.name(), !configuredEnvironments().isEmpty(), connection.target(),
                connection.user(), chosen.disposable(), chosen.isProtected());
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
            chosen = SettingsCredentials.apply(EnvironmentSelector.select(configuredEnvironments(), state.substring(4)),
                    settings, decrypter);
        } else if (state.startsWith("jdbc:postgresql:") || state.startsWith("postgres://")
                || state.startsWith("postgresql://")) {
            chosen = new Environment(parameter, state, null, null, null, null, null, Map.of(), false);
        } else {
            throw new ConfigurationException(parameter + " names no database (the value is not repeated: it may hold"
                    + " a password)", "use env:NAME (a configured environment) or a URL (jdbc:postgresql://…,"
                    + " postgres://…)");
        }
        ConnectionSettings connection = ConnectionSettings.of(chosen, SecretSources.ofProcess());
        getLog().info(parameter + ": " + connection.target().displayUrl()
                + (connection.user() != null ? " as " + connection.user() : ""));
        return open(connection);
    }

    /**
     * Whether this run works on a fleet: {@code -Dpgmigrate.env} names several environments (a list or a glob), or
     * {@code <targets><query>} finds tenant schemas.
     */
    protected final boolean fleetRequested() {
        return tenantQuery() != null || EnvironmentSelector.namesSeveral(commandLine("pgmigrate.env", env));
    }

    /** The {@code <targets><query>} that finds tenant schemas, or null. */
    protected final String tenantQuery() {
        return targets == null ? null : targets.query();
    }

    /**
     * Runs a goal's work on every target of the fleet (see docs/fleets.md), prints the summary, writes
     * {@code target/pgmigrate/fleet-<goal>.json} and fails the build when a target failed.
     *
     * @param changesDatabases whether the goal writes to the targets (apply, set), so a re-run resumes a failed one
     */
    protected final void runOnFleet(FleetWorkFactory work, boolean changesDatabases) throws PgMigrateException,
            MojoExecutionException, MojoFailureException, IOException {
        new FleetExecution(goal(), parallelism, failFast, new MavenOutput(getLog()), this::open)
                .run(connections(true), tenantQuery(), work, reportDirectory(), changesDatabases);
    }

    /** The chosen environments' connections, with command-line overrides and settings.xml credentials applied. */
    private List<ConnectionSettings> connections(boolean several) throws ConfigurationException {
        warnAboutLiteralSecrets();
        String requested = atlas != null ? atlas.environment().name() : commandLine("pgmigrate.env", env);
        String overrideUrl = commandLine("pgmigrate.url", null);
        List<Environment> configured = candidates(overrideUrl);
        List<Environment> chosen = several && EnvironmentSelector.namesSeveral(requested)
                ? EnvironmentSelector.selectAll(configured, requested)
                : List.of(EnvironmentSelector.select(configured, requested));
        List<ConnectionSettings> connections = new ArrayList<>();
        for (Environment environment : chosen) {
            Environment resolved = SettingsCredentials.apply(environment, settings, decrypter)
                    .overriddenBy(overrideUrl, commandLine("pgmigrate.user", null),
                            commandLine("pgmigrate.password", null), commandLine("pgmigrate.revisionsSchema", null));
            resolved = resolved.withPooler(commandLine("pgmigrate.pooler", resolved.pooler() != null ? null : pooler));
            ConnectionSettings connection = ConnectionSettings.of(resolved, SecretSources.ofProcess());
            getLog().info("Environment " + connection.environment() + ": " + connection.target().displayUrl()
                    + (connection.user() != null ? " as " + connection.user() : "")
                    + (connection.passwordSource() != null ? " (password from " + connection.passwordSource() + ")"
                            : ""));
            for (String warning : connection.target().warnings()) {
                getLog().warn(Secrets.scrub(warning, connection.password()));
            }
            connections.add(connection);
        }
        return connections;
    }

    /** The {@code <environments>} of the POM. */
    /** The environments to choose from: the Atlas project file's env block when {@code atlasEnv} is set, else the POM's. */
    private List<Environment> configuredEnvironments() {
        List<Environment> configured = new ArrayList<>();
        if (atlas != null) {
            configured.add(atlas.environment());
        } else if (environments != null) {
            environments.forEach(e -> configured.add(e.toEnvironment()));
        }
        return configured;
    }

    private java.nio.file.Path reportDirectory() {
        return session != null && session.getCurrentProject() != null
                ? java.nio.file.Path.of(session.getCurrentProject().getBuild().getDirectory(), "pgmigrate")
                : java.nio.file.Path.of("target", "pgmigrate");
    }

    private Environment chosenEnvironment(String overrideUrl) throws ConfigurationException {
        return EnvironmentSelector.select(candidates(overrideUrl),
                atlas != null ? atlas.environment().name() : commandLine("pgmigrate.env", env));
    }

    /** The POM's environments; when there are none, one made of {@code <url>} (or {@code -Dpgmigrate.url}). */
    private List<Environment> candidates(String overrideUrl) {
        List<Environment> configured = configuredEnvironments();
        if (configured.isEmpty() && url != null) {
            configured.add(new Environment("default", url, user, password, serverId, revisionsSchema, devUrl,
                    Map.of(), true));
        }
        if (configured.isEmpty() && overrideUrl != null) {
            configured.add(new Environment("default", overrideUrl, null, null, null, null, devUrl, Map.of(), true));
        }
        return configured;
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
