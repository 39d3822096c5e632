package io.github.pgmigrate.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgmigrate.config.Environment;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.history.HistoryTarget;
import io.github.pgmigrate.lock.LockKey;
import io.github.pgmigrate.testing.MigrationDirs;
import io.github.pgmigrate.testing.RecordingOutput;
import io.github.pgmigrate.testing.Sql;
import io.github.pgmigrate.testing.TestDatabase;
import io.github.pgmigrate.testing.TestDatabases;
import io.github.pgmigrate.testing.TestPgBouncer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two applies through a real PgBouncer in transaction mode queue on the file's transaction lock, held meanwhile by a
 * third session: the one that gets it second finds the file applied by the first and skips it, whichever history
 * records the runs (Supabase's stores no hash: the statements it recorded are compared instead).
 */
class PoolerLockRaceTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = HistoryTarget.class, names = {"ATLAS", "SUPABASE"})
    void theRunThatWaitedSkipsTheFileTheOtherApplied(HistoryTarget history) throws Exception {
        TestDatabase database = TestDatabases.createDatabase();
        String role = "race_" + database.name();
        try (Connection admin = database.connect(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'pw-" + role + "'");
            statement.execute("GRANT ALL ON DATABASE " + database.name() + " TO " + role);
            statement.execute("GRANT ALL ON SCHEMA public TO " + role);
        }
        TestPgBouncer bouncer = TestPgBouncer.instance();
        bouncer.allow(role, "pw-" + role);
        Environment throughPooler = new Environment("test", bouncer.jdbcUrl(database.name()), role, "pw-" + role,
                null, null, null, Map.of(), true).withPooler("transaction");
        ApplyOptions options = ApplyOptions.builder().history(history).build();
        MigrationDirectory first = MigrationDirs.write(dir.resolve("first"),
                "20250101000000_events.sql", "CREATE TABLE events (id int);\n");
        new Applier(ApplyTestSupport.connector(throughPooler), new RecordingOutput()).apply(first, options);
        MigrationDirectory both = MigrationDirs.write(dir.resolve("both"),
                "20250101000000_events.sql", "CREATE TABLE events (id int);\n",
                "20250102000000_event.sql", "INSERT INTO events VALUES (1);\n");

        List<RecordingOutput> outputs = List.of(new RecordingOutput(), new RecordingOutput());
        List<CompletableFuture<ApplyResult>> runs;
        try (Connection blocker = database.connect()) {
            blocker.setAutoCommit(false);
            try (Statement statement = blocker.createStatement()) {
                statement.execute("SELECT pg_advisory_xact_lock(" + LockKey.apply() + ")");
            }
            runs = outputs.stream().map(out -> CompletableFuture.supplyAsync(() -> {
                try {
                    return new Applier(ApplyTestSupport.connector(throughPooler), out).apply(both, options);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            })).toList();
            waitForWaiters(database, 2);
            blocker.commit();
        }

        List<ApplyResult> results = List.of(runs.get(0).get(60, TimeUnit.SECONDS),
                runs.get(1).get(60, TimeUnit.SECONDS));
        assertThat(results.stream().mapToInt(r -> r.applied().size()).sum()).as("applied once").isEqualTo(1);
        assertThat(outputs).filteredOn(out -> out.lines().stream().anyMatch(line -> line.contains(
                        "20250102000000_event.sql  applied by another run while this one waited for the lock; skipped")))
                .hasSize(1);
        assertThat(Sql.one(database, "SELECT count(*) FROM events")).isEqualTo("1");
    }

    private static void waitForWaiters(TestDatabase database, int waiters) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        String waiting = "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted";
        while (!Sql.one(database, waiting).equals(Integer.toString(waiters))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the two applies did not both wait for the lock: "
                        + Sql.one(database, waiting) + " waiting");
            }
            Thread.sleep(20);
        }
    }
}
