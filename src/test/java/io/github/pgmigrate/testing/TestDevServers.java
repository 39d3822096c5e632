package io.github.pgmigrate.testing;

import io.github.pgmigrate.config.ConfigurationException;
import io.github.pgmigrate.config.ConnectionSettings;
import io.github.pgmigrate.config.Environment;
import io.github.pgmigrate.devdb.DevServer;
import java.util.Map;

/** A dev server (no replay cache) on the tests' PostgreSQL, for tests outside the devdb package. */
public final class TestDevServers {
    private TestDevServers() {
    }

    public static DevServer onTestServer() throws ConfigurationException {
        TestServer server = TestDatabases.server();
        return DevServer.external(ConnectionSettings.of(new Environment("dev",
                server.jdbcUrl(server.maintenanceDatabase()), server.user(), server.password(), null, null, null,
                Map.of(), true)), false, new RecordingOutput());
    }
}
