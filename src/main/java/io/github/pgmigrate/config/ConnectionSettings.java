package io.github.pgmigrate.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Everything needed to open connections to one environment's database.
 *
 * @param environment     the environment's name
 * @param target          the understood URL
 * @param user            the user (explicit configuration wins over the URL's), or null
 * @param password        the password (explicit configuration wins over the URL's), or null; never log it
 * @param revisionsSchema the configured revisions schema, or null to choose as Atlas does
 * @param properties      pgjdbc properties: the URL's, then the environment's {@code <properties>}
 * @param passwordSource  where the password came from when the configuration did not hold it ({@code PGPASSWORD},
 *                        the password file), for the log; null otherwise
 * @param tenantSchema    for a tenant of a fleet: the schema the connection is bound to; otherwise null
 */
public record ConnectionSettings(String environment, ConnectionTarget target, String user, String password,
                                 String revisionsSchema, Map<String, String> properties, String passwordSource,
                                 String tenantSchema) {

    public ConnectionSettings {
        properties = Map.copyOf(properties);
    }

    /** The environment as configured, without environment variables or the password file. */
    public static ConnectionSettings of(Environment environment) throws ConfigurationException {
        return of(environment, SecretSources.none());
    }

    /**
     * The environment with its {@code env:NAME} values resolved. User and password: the environment's (configured,
     * from a settings.xml server or the command line), else the URL's, else (password only) libpq's PGPASSWORD and
     * password file. A blank value counts as not set.
     */
    public static ConnectionSettings of(Environment environment, SecretSources secrets)
            throws ConfigurationException {
        ConnectionTarget target = ConnectionUrls.parse(secrets.resolve(environment.url(), "url"));
        if (environment.pooler() != null && !environment.pooler().isBlank()) {
            target = target.withPooler(PoolerMode.configured(environment.pooler()));
        }
        Map<String, String> properties = new LinkedHashMap<>(target.properties());
        properties.putAll(environment.properties());
        String user = firstNonBlank(secrets.resolve(environment.user(), "user"), target.user());
        String password = firstNonBlank(secrets.resolve(environment.password(), "password"), target.password());
        String passwordSource = null;
        if (password == null) {
            SecretSources.FoundPassword found = secrets.libpqPassword(target, user);
            if (found != null) {
                password = found.password();
                passwordSource = found.source();
            }
        }
        String schema = firstNonBlank(environment.revisionsSchema(), null);
        return new ConnectionSettings(environment.name(), target, user, password, schema, properties,
                passwordSource, null);
    }

    private static String firstNonBlank(String preferred, String fallback) {
        if (preferred != null && !preferred.isBlank()) {
            return preferred;
        }
        return fallback == null || fallback.isBlank() ? null : fallback;
    }

    /**
     * The schema of atlas_schema_revisions, chosen as Atlas chooses it: the configured one, else the schema the URL
     * binds the connection to, else {@code atlas_schema_revisions}.
     */
    public String effectiveRevisionsSchema() {
        if (revisionsSchema != null) {
            return revisionsSchema;
        }
        return target.searchPath() != null ? target.searchPath() : "atlas_schema_revisions";
    }

    /** pgjdbc connection properties including the credentials. */
    public Properties jdbcProperties() {
        Properties jdbc = new Properties();
        jdbc.putAll(properties);
        if (user != null) {
            jdbc.setProperty("user", user);
        }
        if (password != null) {
            jdbc.setProperty("password", password);
        }
        return jdbc;
    }

    /** The message with this environment's password removed. */
    public String scrub(String message) {
        return Secrets.scrub(message, password);
    }

    @Override
    public String toString() {
        return "ConnectionSettings[" + environment + ", " + target.displayUrl() + ", user=" + user + "]";
    }
}
