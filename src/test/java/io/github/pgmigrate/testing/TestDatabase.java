package io.github.pgmigrate.testing;

import io.github.pgmigrate.config.Environment;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * A fresh, empty database created for one test on the shared {@link TestServer}.
 *
 * @param name    the database name
 * @param jdbcUrl a pgjdbc URL without credentials
 * @param user    the user to connect as
 * @param password the password, or null
 */
public record TestDatabase(String name, String jdbcUrl, String user, String password) {

    public Connection connect() throws SQLException {
        return java.sql.DriverManager.getConnection(jdbcUrl, user, password);
    }

    /** The URL with one extra query parameter, e.g. {@code urlWith("currentSchema", "public")}. */
    public String urlWith(String parameter, String value) {
        return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + parameter + "=" + value;
    }

    /** A pgmigrate environment named "test" pointing at this database. */
    public Environment environment() {
        return environment(jdbcUrl, null);
    }

    /** A pgmigrate environment for another URL of this server and, optionally, a revisions schema. */
    public Environment environment(String url, String revisionsSchema) {
        return new Environment("test", url, user, password, null, revisionsSchema, null, Map.of(), true);
    }
}
