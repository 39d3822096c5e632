package io.github.pgmigrate.devdb;

import io.github.pgmigrate.config.ConfigurationException;
import io.github.pgmigrate.config.ConnectionSettings;
import io.github.pgmigrate.config.Environment;
import io.github.pgmigrate.output.Output;
import io.github.pgmigrate.testing.TestServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Dev servers on the tests' PostgreSQL, and what tests look at on them. */
final class DevServers {
    private DevServers() {
    }

    static DevServer on(TestServer server, boolean cache, Output out) throws ConfigurationException {
        return DevServer.external(settings(server), cache, out);
    }

    static ConnectionSettings settings(TestServer server) throws ConfigurationException {
        return ConnectionSettings.of(new Environment("dev", server.jdbcUrl(server.maintenanceDatabase()),
                server.user(), server.password(), null, null, null, Map.of(), true));
    }

    static List<String> databases(TestServer server, String prefix) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = server.connect(server.maintenanceDatabase());
             ResultSet rs = connection.createStatement().executeQuery(
                     "SELECT datname FROM pg_database WHERE starts_with(datname, '" + prefix + "') ORDER BY 1")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    static List<String> rows(TestServer server, String database, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = server.connect(database);
             ResultSet rs = connection.createStatement().executeQuery(query)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
