package io.github.pgmigrate.apply;

import static io.github.pgmigrate.apply.ApplyTestSupport.apply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.lock.LockKey;
import io.github.pgmigrate.lock.LockTimeoutException;
import io.github.pgmigrate.testing.MigrationDirs;
import io.github.pgmigrate.testing.RecordingOutput;
import io.github.pgmigrate.testing.Sql;
import io.github.pgmigrate.testing.TestDatabase;
import io.github.pgmigrate.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrentApplyTest {

    @TempDir
    Path dir;

    private MigrationDirectory slowFiles() {
        return MigrationDirs.write(dir,
                "1_a.sql", "CREATE TABLE a (id int);\nSELECT pg_sleep(0.5);\n",
                "2_idx.sql", "-- atlas:txmode none\n\nCREATE INDEX CONCURRENTLY a_id ON a (id);\n",
                "3_b.sql", "CREATE TABLE b (id int);\nINSERT INTO b VALUES (1);\n");
    }

    @Test
    void twoRunsNeverBothExecuteAFile() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        MigrationDirectory migrations = slowFiles();
        assertBothSucceedOnce(db, migrations, ApplyTestSupport.connector(db.environment()));
    }

    @Test
    void twoRunsBehindATransactionPoolerNeverBothExecuteAFile() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        MigrationDirectory migrations = MigrationDirs.write(dir,
                "1_a.sql", "CREATE TABLE a (id int);\nSELECT pg_sleep(0.5);\n",
                "2_idx.sql", "-- atlas:txmode none\n\nCREATE INDEX CONCURRENTLY a_id ON a (id);\nSELECT pg_sleep(0.3);\n",
                "3_b.sql", "CREATE TABLE b (id int);\nINSERT INTO b VALUES (1);\n");
        var connector = ApplyTestSupport.connector(db.environment(db.urlWith("pgbouncer", "true"), null));
        assertThat(connector.transactionPooler()).isTrue();
        List<Callable<String>> runs = List.of(() -> run(connector, migrations), () -> run(connector, migrations));
        List<String> outcomes = runConcurrently(runs);
        assertThat(outcomes).anyMatch(o -> o.equals("ok"));
        assertThat(Sql.one(db, "SELECT count(*) FROM b")).isEqualTo("1");
        assertThat(Sql.rows(db, "SELECT version, applied, total FROM atlas_schema_revisions.atlas_schema_revisions"
                + " ORDER BY 1")).containsExactly("1|2|2", "2|2|2", "3|2|2");
        assertThat(outcomes).allMatch(o -> o.equals("ok") || o.equals("nothing") || o.contains("another run"));
        // Whatever the loser saw, a rerun finds nothing left to do and no lock is left behind.
        RecordingOutput out = new RecordingOutput();
        new Applier(connector, out).apply(migrations, ApplyOptions.defaults());
        assertThat(out.lines()).contains("No migration files to execute");
        assertThat(out.text()).contains("WARN The URL points at a transaction pooler (pgbouncer=true in the URL,");
    }

    @Test
    void lockTimeoutZeroFailsAtOnceWhileAnotherRunHoldsTheLock() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        MigrationDirectory migrations = slowFiles();
        try (Connection holder = db.connect()) {
            holder.createStatement().execute("SELECT pg_advisory_lock(" + LockKey.apply() + ")");
            assertThatThrownBy(() -> apply(db, migrations, ApplyOptions.builder().lockTimeout(Duration.ZERO).build()))
                    .isInstanceOf(LockTimeoutException.class)
                    .hasMessageStartingWith("acquiring database lock: lock is held by other session (held by pid");
            long start = System.nanoTime();
            assertThatThrownBy(() -> apply(db, migrations,
                    ApplyOptions.builder().lockTimeout(Duration.ofMillis(300)).build()))
                    .isInstanceOf(LockTimeoutException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }
        assertNoAdvisoryLockLeft(db);
        apply(db, migrations, ApplyOptions.defaults());
        assertNoAdvisoryLockLeft(db);
    }

    /**
     * A closed connection's backend exits, and releases its session locks, a moment after the client has closed it:
     * wait for that (up to 10 s) rather than read pg_locks while the holder's backend is still on its way out.
     */
    private static void assertNoAdvisoryLockLeft(TestDatabase db) throws InterruptedException {
        String query = "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'";
        long giveUp = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!Sql.one(db, query).equals("0") && System.nanoTime() < giveUp) {
            Thread.sleep(20);
        }
        assertThat(Sql.one(db, query)).isEqualTo("0");
    }

    private void assertBothSucceedOnce(TestDatabase db, MigrationDirectory migrations,
                                       io.github.pgmigrate.database.DatabaseConnector connector) throws Exception {
        List<String> outcomes = runConcurrently(List.of(() -> run(connector, migrations),
                () -> run(connector, migrations)));
        assertThat(outcomes).containsExactlyInAnyOrder("ok", "nothing");
        assertThat(Sql.one(db, "SELECT count(*) FROM b")).isEqualTo("1");
        assertThat(Sql.rows(db, "SELECT version, applied, total FROM atlas_schema_revisions.atlas_schema_revisions"
                + " ORDER BY 1")).containsExactly("1|2|2", "2|1|1", "3|2|2");
    }

    private static String run(io.github.pgmigrate.database.DatabaseConnector connector,
                              MigrationDirectory migrations) throws Exception {
        try {
            ApplyResult result = new Applier(connector, new RecordingOutput()).apply(migrations,
                    ApplyOptions.builder().lockTimeout(Duration.ofSeconds(30)).build());
            return result.nothingPending() ? "nothing" : "ok";
        } catch (io.github.pgmigrate.PgMigrateException e) {
            return "failed: " + e.getMessage();
        }
    }

    private static List<String> runConcurrently(List<Callable<String>> runs) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(runs.size());
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (Callable<String> run : runs) {
                futures.add(pool.submit(run));
            }
            List<String> outcomes = new ArrayList<>();
            for (Future<String> future : futures) {
                outcomes.add(future.get(2, TimeUnit.MINUTES));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
