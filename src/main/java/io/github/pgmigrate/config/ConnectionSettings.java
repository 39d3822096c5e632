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
 * @param tenantSchema    for a tenant of a fleet: the schema the connection is bound to; otherwise null
 */
public record ConnectionSettings(String environment, ConnectionTarget target, String user, String password,
                                 String revisionsSchema, Map<String, String> properties, String tenantSchema) {

    public ConnectionSettings {
        properties = Map.copyOf(properties);
    }

    public static ConnectionSettings of(Environment environment) throws ConfigurationException {
        ConnectionTarget target = ConnectionUrls.parse(environment.url());
        Map<String, String> properties = new LinkedHashMap<>(target.properties());
        properties.putAll(environment.properties());
        String user = environment.user() != null ? environment.user() : target.user();
        String password = environment.password() != null ? environment.password() : target.password();
        String schema = environment.revisionsSchema() == null || environment.revisionsSchema().isBlank()
                ? null : environment.revisionsSchema();
        return new ConnectionSettings(environment.name(), target, user, password, schema, properties, null);
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
