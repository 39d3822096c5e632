package io.github.pgmigrate.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.testing.RecordingOutput;
import io.github.pgmigrate.testing.TestDatabase;
import io.github.pgmigrate.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a process running apply, at seeded random moments, then an immediate re-run (which must wait for the
 * killed run's backend, still executing, to end): every effect exactly once, history and status exact.
 */
class KillDuringApplyTest {
    static final int TRIALS = 12;
    static final long SEED = 20261130L;

    @TempDir
    Path dir;

    @TempDir
    Path logs;

    @Test
    void everyEffectHappensExactlyOnceWhateverMomentTheProcessIsKilled() throws Exception {
        MigrationDirectory migrations = FaultScenario.write(dir);
        TestDatabase calibration = TestDatabases.createDatabase();
        long started = System.nanoTime();
        Path fullLog = logs.resolve("full.log");
        Process full = start(calibration, fullLog);
        assertThat(full.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(full.exitValue()).as(Files.readString(fullLog)).isZero();
        long wholeRunMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertThat(FaultScenario.problems(calibration.jdbcUrl(), calibration.user(), migrations)).isEmpty();

        Random random = new Random(SEED);
        List<String> trials = new ArrayList<>();
        int clean = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            TestDatabase db = TestDatabases.createDatabase();
            long delay = (long) (wholeRunMillis * (0.5 + 0.5 * random.nextDouble()));
            Process process = start(db, logs.resolve("trial-" + trial + ".log"));
            if (!process.waitFor(delay, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
            String killedAt = FaultScenario.history(db.jdbcUrl(), db.user());
            RecordingOutput out = new RecordingOutput();
            List<String> problems;
            try {
                FaultScenario.apply(FaultScenario.connector(db.jdbcUrl(), db.user()), migrations, out);
                problems = FaultScenario.problems(db.jdbcUrl(), db.user(), migrations);
            } catch (Exception e) {
                problems = List.of("re-run failed: " + e.getMessage());
            }
            if (problems.isEmpty()) {
                clean++;
            }
            trials.add("kill after " + delay + " ms: history " + killedAt + " -> "
                    + (problems.isEmpty() ? "clean" : String.join("; ", problems)));
        }
        System.out.println("[faults] kill -9 during apply: " + clean + "/" + TRIALS + " clean (seed " + SEED
                + ", whole run " + wholeRunMillis + " ms)\n  " + String.join("\n  ", trials));
        assertThat(trials).allMatch(t -> t.endsWith("-> clean"));
    }

    private Process start(TestDatabase db, Path log) throws Exception {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ApplyProcess.class.getName(),
                db.jdbcUrl(), db.user(), dir.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
