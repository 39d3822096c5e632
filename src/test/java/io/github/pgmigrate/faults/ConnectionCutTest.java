package io.github.pgmigrate.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgmigrate.database.DatabaseConnector;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.testing.RecordingOutput;
import io.github.pgmigrate.testing.TestDatabase;
import io.github.pgmigrate.testing.TestDatabases;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connection cut at seeded random moments by a loopback proxy between apply and the server: the failure names
 * the file, the line and what is known of the commit; a re-run leaves every effect exactly once.
 */
class ConnectionCutTest {
    static final int TRIALS = 10;
    static final long SEED = 8_2026L;
    private static final Pattern PORT = Pattern.compile("//[^:/]+:(\\d+)/");

    @TempDir
    Path dir;

    @Test
    void aCutConnectionNamesTheFileAndTheRerunAppliesEveryEffectOnce() throws Exception {
        MigrationDirectory migrations = FaultScenario.write(dir);
        long wholeRunMillis = 0;
        for (int warm = 0; warm < 2; warm++) {
            TestDatabase calibration = TestDatabases.createDatabase();
            long started = System.nanoTime();
            FaultScenario.apply(FaultScenario.connector(calibration), migrations,
                    new RecordingOutput());
            wholeRunMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        }

        Random random = new Random(SEED);
        List<String> trials = new ArrayList<>();
        int clean = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            TestDatabase db = TestDatabases.createDatabase();
            Matcher port = PORT.matcher(db.jdbcUrl());
            assertThat(port.find()).isTrue();
            try (LoopbackProxy proxy = new LoopbackProxy(Integer.parseInt(port.group(1)))) {
                // The proxy listens on loopback, whatever host the test server was reached by.
                String viaProxy = db.jdbcUrl().replaceFirst("//[^/]+/", "//127.0.0.1:" + proxy.port() + "/");
                DatabaseConnector connector = FaultScenario.connector(db, viaProxy);
                long delay = (long) (wholeRunMillis * random.nextDouble());
                CompletableFuture<String> run = FaultScenario.applyInBackground(connector, migrations);
                Thread.sleep(delay);
                proxy.cut();
                String failure = run.get(120, TimeUnit.SECONDS);
                String killedAt = FaultScenario.history(db);
                List<String> problems = new ArrayList<>();
                // Inside a file the message names it; before the first file (logging in, taking the lock, reading
                // the history) nothing of the run was applied.
                if (!failure.equals(FaultScenario.COMPLETED) && !failure.matches(
                        "(?s)\\d_\\w+\\.sql:\\d+: the connection to the database was lost: .*")
                        && !failure.startsWith("database error: An I/O error")
                        && !failure.startsWith("cannot connect to")) {
                    problems.add("message does not name the file and the lost connection: " + failure);
                }
                problems.addAll(FaultScenario.rerun(connector, db, migrations));
                if (problems.isEmpty()) {
                    clean++;
                }
                trials.add("cut after " + delay + " ms: " + failure.lines().findFirst().orElse("") + " | history "
                        + killedAt + " -> " + (problems.isEmpty() ? "clean" : String.join("; ", problems)));
            }
        }
        System.out.println("[faults] connection cut during apply: " + clean + "/" + TRIALS + " clean (seed " + SEED
                + ", whole run " + wholeRunMillis + " ms)\n  " + String.join("\n  ", trials));
        assertThat(trials).allMatch(t -> t.endsWith("-> clean"));
    }
}
