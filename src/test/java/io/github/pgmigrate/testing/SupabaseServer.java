package io.github.pgmigrate.testing;

import io.github.pgmigrate.embedded.BinariesArchive;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The PostgreSQL server that holds this JVM's simulated Supabase databases (see {@link SupabaseFixture}).
 *
 * <p>It is a server of its own because roles are cluster-wide and Supabase's {@code postgres} role is not a
 * superuser, which a cluster bootstrapped as {@code postgres} (zonky's and the official image's default) cannot
 * offer. So, chosen in {@link PostgresProvider}'s order, the cluster is bootstrapped as {@value #ADMIN}: a container
 * with {@code POSTGRES_USER=supabase_admin}, or zonky with {@code initdb --username=supabase_admin}. An external
 * server ({@code -Dpgmigrate.it.url}) is used as given; the fixture then refuses if its {@code postgres} role is a
 * superuser.
 */
public final class SupabaseServer implements AutoCloseable {
    public static final String ADMIN = "supabase_admin";

    private static final Object LOCK = new Object();
    private static SupabaseServer shared;
    private static RuntimeException startFailure;

    private final String provider;
    private final String serverVersion;
    private final String urlPrefix;
    private final String urlQuery;
    private final String adminUser;
    private final String adminPassword;
    private final String maintenanceDatabase;
    private final AutoCloseable stopper;

    private SupabaseServer(String provider, String serverVersion, String urlPrefix, String urlQuery, String adminUser,
            String adminPassword, String maintenanceDatabase, AutoCloseable stopper) {
        this.provider = provider;
        this.serverVersion = serverVersion;
        this.urlPrefix = urlPrefix;
        this.urlQuery = urlQuery;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
        this.maintenanceDatabase = maintenanceDatabase;
        this.stopper = stopper;
    }

    /** The server of this JVM, started on first use; fails with the reason when it cannot start. */
    public static SupabaseServer shared() {
        synchronized (LOCK) {
            if (startFailure != null) {
                throw new IllegalStateException("no PostgreSQL for the Supabase fixture (see the first failure)",
                        startFailure);
            }
            if (shared == null) {
                try {
                    shared = start(PostgresProvider.choose());
                } catch (Exception e) {
                    startFailure = new IllegalStateException("could not start PostgreSQL for the Supabase fixture: "
                            + e.getMessage(), e);
                    throw startFailure;
                }
                System.out.println("[pgmigrate tests] Supabase fixture server: PostgreSQL " + shared.serverVersion
                        + " from " + shared.provider);
            }
            return shared;
        }
    }

    /** Starts a server of its own from the given provider; close it when done. */
    public static SupabaseServer start(PostgresProvider provider) throws Exception {
        return switch (provider) {
            case EXTERNAL -> external();
            case CONTAINER -> container();
            case EMBEDDED -> embedded();
        };
    }

    private static SupabaseServer external() throws SQLException {
        String url = System.getProperty("pgmigrate.it.url").strip();
        if (!url.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("-Dpgmigrate.it.url must be jdbc:postgresql://host:port/database");
        }
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String prefix = base.substring(0, base.lastIndexOf('/') + 1);
        String maintenance = base.substring(base.lastIndexOf('/') + 1);
        String user = System.getProperty("pgmigrate.it.user");
        String password = System.getProperty("pgmigrate.it.password");
        String version = serverVersion(url, user, password);
        return new SupabaseServer("the external server " + prefix + " (-Dpgmigrate.it.url)", version, prefix,
                query < 0 ? "" : url.substring(query), user, password, maintenance.isEmpty() ? "postgres" : maintenance,
                () -> { });
    }

    private static SupabaseServer container() {
        ContainerPostgres container = ContainerPostgres.start(ADMIN);
        return new SupabaseServer(container.description(), container.serverVersion(),
                container.jdbcUrl(""), "", container.user(), container.password(), container.maintenanceDatabase(),
                container);
    }

    /** The same binaries as {@link TestDatabases}' embedded server: major {@code -Dpgmigrate.it.pgMajor}. */
    private static SupabaseServer embedded() throws IOException, SQLException {
        int major = TestDatabases.requestedMajor();
        Path binaries = TestBinaries.locate(major);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPgBinaryResolver(new BinariesArchive(binaries))
                .setLocaleConfig("username", ADMIN)
                .setConnectConfig("user", ADMIN)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .start();
        String prefix = "jdbc:postgresql://localhost:" + postgres.getPort() + "/";
        String version;
        try {
            version = serverVersion(prefix + "postgres", ADMIN, null);
        } catch (SQLException e) {
            postgres.close();
            throw e;
        }
        if (!version.startsWith(major + ".") && !version.startsWith(major + " ")) {
            postgres.close();
            throw new IllegalStateException("asked for PostgreSQL " + major + " but " + binaries + " started "
                    + version);
        }
        return new SupabaseServer("embedded zonky PostgreSQL (" + binaries.getFileName() + ") bootstrapped as "
                + ADMIN, version, prefix, "", ADMIN, null, "postgres", postgres);
    }

    private static String serverVersion(String url, String user, String password) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             ResultSet rs = connection.createStatement().executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }

    public String provider() {
        return provider;
    }

    public String serverVersion() {
        return serverVersion;
    }

    /** A pgjdbc URL for one database of this server, without credentials. */
    public String jdbcUrl(String database) {
        return urlPrefix + database + urlQuery;
    }

    /** The superuser the fixture runs as. */
    public String adminUser() {
        return adminUser;
    }

    /** Its password, or null. */
    public String adminPassword() {
        return adminPassword;
    }

    public Connection connectAsAdmin(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), adminUser, adminPassword);
    }

    /** The database used to create others. */
    public String maintenanceDatabase() {
        return maintenanceDatabase;
    }

    /** Stops a server from {@link #start}; an external server is left running. */
    @Override
    public void close() throws Exception {
        stopper.close();
    }
}
