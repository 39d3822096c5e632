package io.github.pgmigrate.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgmigrate.directory.MigrationDirectory;
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
        Path fullLog = logs.resolve("full.log");
        Process full = start(calibration, fullLog);
        long startup = System.nanoTime();
        assertThat(awaitMigrating(full, fullLog)).as("the child starts migrating").isTrue();
        startup = System.nanoTime() - startup;
        long started = System.nanoTime();
        assertThat(full.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(full.exitValue()).as(Files.readString(fullLog)).isZero();
        long migratingMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertThat(FaultScenario.problems(calibration, migrations)).isEmpty();

        Random random = new Random(SEED);
        List<String> trials = new ArrayList<>();
        int clean = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            TestDatabase db = TestDatabases.createDatabase();
            // Kills land while the child migrates: from the moment it says so to the length of a whole migration.
            long delay = (long) (migratingMillis * random.nextDouble());
            Path log = logs.resolve("trial-" + trial + ".log");
            Process process = start(db, log);
            String killedAt;
            if (awaitMigrating(process, log) && !process.waitFor(delay, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
                killedAt = "kill " + delay + " ms into migrating: history "
                        + FaultScenario.history(db);
            } else {
                killedAt = "not killed (" + (process.isAlive() ? "never started migrating" : "finished") + ")";
                process.destroyForcibly();
            }
            List<String> problems = FaultScenario.rerun(FaultScenario.connector(db), db, migrations);
            if (problems.isEmpty()) {
                clean++;
            }
            trials.add(killedAt + " -> " + (problems.isEmpty() ? "clean" : String.join("; ", problems)));
        }
        System.out.println("[faults] kill -9 during apply: " + clean + "/" + TRIALS + " clean (seed " + SEED
                + ", migrating takes " + migratingMillis + " ms after a start-up of "
                + TimeUnit.NANOSECONDS.toMillis(startup) + " ms)\n  " + String.join("\n  ", trials));
        assertThat(trials).allMatch(t -> t.endsWith("-> clean"));
    }

    /** Waits until the child prints "Migrating to version" (it holds the lock and starts the first file). */
    private static boolean awaitMigrating(Process process, Path log) throws Exception {
        for (int i = 0; i < 12_000 && process.isAlive(); i++) {
            if (Files.exists(log) && Files.readString(log).contains("Migrating to version")) {
                return true;
            }
            Thread.sleep(5);
        }
        return Files.readString(log).contains("Migrating to version");
    }

    private Process start(TestDatabase db, Path log) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ApplyProcess.class.getName(),
                db.jdbcUrl(), db.user(), dir.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        if (db.password() != null) {
            builder.environment().put(ApplyProcess.PASSWORD, db.password());
        }
        return builder.start();
    }
}
