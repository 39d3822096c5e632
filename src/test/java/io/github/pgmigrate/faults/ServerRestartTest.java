package io.github.pgmigrate.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgmigrate.database.DatabaseConnector;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.embedded.BinariesArchive;
import io.github.pgmigrate.testing.RecordingOutput;
import io.github.pgmigrate.testing.TestBinaries;
import io.github.pgmigrate.testing.TestDatabase;
import io.github.pgmigrate.testing.TestDatabases;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server restarted (fast shutdown: running transactions are rolled back, every session ends) at seeded random
 * moments of an apply: the failure names what it knows, and a re-run after the restart applies every effect once.
 */
class ServerRestartTest {
    static final int TRIALS = 4;
    static final long SEED = 1130L;

    @TempDir
    Path dir;

    @TempDir
    Path data;

    @Test
    void aRestartMidApplyIsFollowedByARerunThatAppliesEveryEffectOnce() throws Exception {
        MigrationDirectory migrations = FaultScenario.write(dir);
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        EmbeddedPostgres server = start(port);
        try {
            Random random = new Random(SEED);
            List<String> trials = new ArrayList<>();
            int clean = 0;
            long wholeRunMillis = 0;
            for (int trial = -1; trial < TRIALS; trial++) {
                String database = "restart_" + (trial + 1);
                try (Connection admin = server.getPostgresDatabase().getConnection()) {
                    admin.createStatement().execute("CREATE DATABASE " + database);
                }
                TestDatabase db = new TestDatabase(database, "jdbc:postgresql://localhost:" + port + "/" + database,
                        "postgres", null);
                DatabaseConnector connector = FaultScenario.connector(db);
                if (trial < 0) {
                    long started = System.nanoTime();
                    FaultScenario.apply(connector, migrations, new RecordingOutput());
                    wholeRunMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                    continue;
                }
                long delay = (long) (wholeRunMillis * random.nextDouble());
                CompletableFuture<String> run = FaultScenario.applyInBackground(connector, migrations);
                Thread.sleep(delay);
                server.close();
                server = start(port);
                String failure = run.get(120, TimeUnit.SECONDS);
                String stoppedAt = FaultScenario.history(db);
                List<String> problems = new ArrayList<>();
                problems.addAll(FaultScenario.rerun(connector, db, migrations));
                if (problems.isEmpty()) {
                    clean++;
                }
                trials.add("restart after " + delay + " ms: " + failure.lines().findFirst().orElse("")
                        + " | history " + stoppedAt + " -> " + (problems.isEmpty() ? "clean"
                        : String.join("; ", problems)));
            }
            System.out.println("[faults] server restart during apply: " + clean + "/" + TRIALS + " clean (seed "
                    + SEED + ", whole run " + wholeRunMillis + " ms)\n  " + String.join("\n  ", trials));
            assertThat(trials).allMatch(t -> t.endsWith("-> clean"));
        } finally {
            server.close();
        }
    }

    private EmbeddedPostgres start(int port) throws Exception {
        return EmbeddedPostgres.builder()
                .setPgBinaryResolver(new BinariesArchive(TestBinaries.locate(TestDatabases.requestedMajor())))
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("fsync", "off")
                .start();
    }
}
