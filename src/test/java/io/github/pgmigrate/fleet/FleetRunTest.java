package io.github.pgmigrate.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.apply.ApplyOptions;
import io.github.pgmigrate.config.ConnectionSettings;
import io.github.pgmigrate.database.DatabaseConnector;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.history.ExecOrder;
import io.github.pgmigrate.history.HistoryTarget;
import io.github.pgmigrate.lock.AdvisoryLock;
import io.github.pgmigrate.lock.LockKey;
import io.github.pgmigrate.output.Output;
import io.github.pgmigrate.testing.MigrationDirs;
import io.github.pgmigrate.testing.RecordingOutput;
import io.github.pgmigrate.testing.Sql;
import io.github.pgmigrate.testing.TestDatabase;
import io.github.pgmigrate.testing.TestDatabases;
import io.github.pgmigrate.validate.PreflightCheck;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetRunTest {
    private static final String TENANTS = "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'tenant\\_%' ORDER BY 1";

    @TempDir
    Path dir;

    private MigrationDirectory twoFiles() {
        return MigrationDirs.write(dir,
                "20240101000000_orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, total numeric);\n",
                "20240102000000_seed.sql", "INSERT INTO orders VALUES (1, 9.5);\n"
                        + "CREATE INDEX orders_total ON orders (total);\n");
    }

    /** Apply on every target, with the directory checked once before the fleet, as the goal does. */
    private static FleetRun.TargetWork applyWork(MigrationDirectory directory, ApplyOptions options)
            throws PgMigrateException {
        return FleetGoals.apply(directory, PreflightCheck.verify(directory, options.strict(), Output.NONE), options,
                FleetRunTest::connectorOf);
    }

    @Test
    void fiftyTenantsOneFailingTheOthersAppliedThenTheRerunCompletesIt() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        IntStream.rangeClosed(1, 50).forEach(i -> Sql.exec(db, "CREATE SCHEMA tenant_" + String.format("%02d", i)));
        Sql.exec(db, "CREATE TABLE tenant_13.legacy (id int)");
        MigrationDirectory migrations = twoFiles();
        DatabaseConnector base = connector(db);
        List<FleetTarget> targets = FleetTargets.tenants(base, TENANTS);
        RecordingOutput out = new RecordingOutput();
        PeakConnections peak = PeakConnections.watch(db);

        FleetResult first = new FleetRun(targets, 4, false, out)
                .run(applyWork(migrations, ApplyOptions.defaults()));

        int peakConnections = peak.stop();
        assertThat(first.outcomes()).hasSize(50);
        assertThat(first.failures()).singleElement().satisfies(f -> {
            assertThat(f.target()).isEqualTo("test/tenant_13");
            assertThat(f.message()).contains("not clean").contains("legacy");
        });
        assertThat(first.count(TargetOutcome.Result.OK)).isEqualTo(49);
        assertThat(Sql.one(db, "SELECT total FROM tenant_07.orders")).isEqualTo("9.5");
        assertThat(Sql.one(db, "SELECT count(*) FROM tenant_07.atlas_schema_revisions")).isEqualTo("2");
        assertThat(Sql.one(db, "SELECT count(*) FROM pg_tables WHERE tablename = 'orders'")).isEqualTo("49");
        assertThat(Sql.one(db, "SELECT count(*) FROM pg_namespace WHERE nspname = 'atlas_schema_revisions'"))
                .as("each tenant keeps its history in its own schema").isEqualTo("0");
        // One connection per running target; a sample may also catch the backend of a target that just closed its
        // connection and is still exiting.
        assertThat(peakConnections).as("one connection per running target").isLessThanOrEqualTo(4 + 1);
        assertThat(out.lines()).anySatisfy(l -> assertThat(l).startsWith("[50/50] "));
        assertThat(out.lines()).anySatisfy(l -> assertThat(l).contains("about").contains("left"));
        assertThat(first.table()).last().asString()
                .contains("50 target(s): 49 ok, 0 need attention, 1 failed, 0 not run");

        Sql.exec(db, "DROP TABLE tenant_13.legacy");
        FleetResult second = new FleetRun(targets, 4, false, new RecordingOutput())
                .run(applyWork(migrations, ApplyOptions.defaults()));

        assertThat(second.failures()).isEmpty();
        assertThat(second.outcomes()).filteredOn(o -> o.files() > 0).singleElement()
                .satisfies(o -> assertThat(o.target()).endsWith("/tenant_13"));
        assertThat(second.outcomes()).filteredOn(o -> o.target().endsWith("/tenant_01")).singleElement()
                .satisfies(o -> assertThat(o.message()).isEqualTo("up to date"));
        assertThat(Sql.one(db, "SELECT count(*) FROM pg_tables WHERE tablename = 'orders'")).isEqualTo("50");
    }

    @Test
    void statusAcrossTenantsNeedsOneConnectionEachAndFlagsPending() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        Sql.exec(db, "CREATE SCHEMA tenant_a", "CREATE SCHEMA tenant_b");
        MigrationDirectory migrations = twoFiles();
        List<FleetTarget> targets = FleetTargets.tenants(connector(db), TENANTS);
        new FleetRun(targets.subList(0, 1), 1, false, new RecordingOutput())
                .run(applyWork(migrations, ApplyOptions.defaults()));

        FleetResult status = new FleetRun(targets, 2, false, new RecordingOutput())
                .run(FleetGoals.status(migrations, ExecOrder.LINEAR, HistoryTarget.ATLAS, false, FleetRunTest::connectorOf));
        FleetResult gate = new FleetRun(targets, 2, false, new RecordingOutput())
                .run(FleetGoals.status(migrations, ExecOrder.LINEAR, HistoryTarget.ATLAS, true, FleetRunTest::connectorOf));

        assertThat(status.outcomes()).extracting(TargetOutcome::result)
                .containsExactly(TargetOutcome.Result.OK, TargetOutcome.Result.ATTENTION);
        assertThat(status.outcomes().get(0).from()).isEqualTo("20240102000000");
        assertThat(status.outcomes().get(1).files()).isEqualTo(2);
        assertThat(gate.failures()).singleElement().satisfies(f -> assertThat(f.message()).contains("2 migration(s) pending"));
    }

    @Test
    void failFastStopsStartingTargetsAfterTheFirstFailure() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        Sql.exec(db, "CREATE SCHEMA tenant_1", "CREATE TABLE tenant_1.legacy (id int)", "CREATE SCHEMA tenant_2",
                "CREATE SCHEMA tenant_3");
        List<FleetTarget> targets = FleetTargets.tenants(connector(db), TENANTS);

        FleetResult result = new FleetRun(targets, 1, true, new RecordingOutput())
                .run(applyWork(twoFiles(), ApplyOptions.defaults()));

        assertThat(result.outcomes()).extracting(TargetOutcome::result).containsExactly(
                TargetOutcome.Result.FAILED, TargetOutcome.Result.NOT_RUN, TargetOutcome.Result.NOT_RUN);
        assertThat(Sql.one(db, "SELECT count(*) FROM pg_tables WHERE tablename = 'orders'")).isEqualTo("0");
    }

    @Test
    void tenantsLockOnlyThemselvesButAWholeDatabaseRunExcludesThemAll() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        Sql.exec(db, "CREATE SCHEMA tenant_a", "CREATE SCHEMA tenant_b");
        List<FleetTarget> targets = FleetTargets.tenants(connector(db), TENANTS);
        ApplyOptions quickLock = ApplyOptions.builder().lockTimeout(Duration.ofMillis(300)).build();

        try (AdvisoryLock heldByAnotherRun = AdvisoryLock.acquire(db.connect(), LockKey.applyScope("tenant_a"),
                Duration.ZERO)) {
            FleetResult result = new FleetRun(targets, 2, false, new RecordingOutput())
                    .run(applyWork(twoFiles(), quickLock));
            assertThat(result.outcomes()).extracting(TargetOutcome::result)
                    .containsExactly(TargetOutcome.Result.FAILED, TargetOutcome.Result.OK);
            assertThat(result.outcomes().get(0).message()).contains("lock is held by other session")
                    .contains("tenant schema tenant_a");
        }
        try (AdvisoryLock wholeDatabase = AdvisoryLock.acquire(db.connect(), LockKey.apply(), Duration.ZERO)) {
            FleetResult result = new FleetRun(targets, 2, false, new RecordingOutput())
                    .run(applyWork(twoFiles(), quickLock));
            assertThat(result.failures()).hasSize(2);
        }
    }

    @Test
    void badTargetListsAreRefusedWithTheReason() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        DatabaseConnector base = connector(db);

        assertThatThrownBy(() -> FleetTargets.tenants(base, TENANTS))
                .isInstanceOf(PgMigrateException.class).hasMessageContaining("found no schema");
        assertThatThrownBy(() -> FleetTargets.tenants(base, "SELECT nspname FROM no_such_table"))
                .hasMessageContaining("the tenant query failed").hasMessageContaining("42P01");
        FleetTarget one = new FleetTarget("a", base.settings());
        FleetTarget same = new FleetTarget("b", base.settings());
        assertThatThrownBy(() -> new FleetRun(List.of(one, same), 2, false, new RecordingOutput()))
                .hasMessageContaining("targets a and b are the same database and revisions schema");
        assertThatThrownBy(() -> new FleetRun(List.of(), 2, false, new RecordingOutput()))
                .hasMessageContaining("the fleet has no targets");
    }

    private static DatabaseConnector connector(TestDatabase db) throws Exception {
        return DatabaseConnector.of(ConnectionSettings.of(db.environment()));
    }

    private static DatabaseConnector connectorOf(FleetTarget target) {
        return DatabaseConnector.of(target.settings());
    }

    /** The most connections the database had at once while a run went on, sampled every few milliseconds. */
    private static final class PeakConnections {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger peak = new AtomicInteger();
        private Thread sampler;

        static PeakConnections watch(TestDatabase db) throws Exception {
            PeakConnections watch = new PeakConnections();
            Connection connection = db.connect();
            watch.sampler = new Thread(() -> {
                try (connection; Statement statement = connection.createStatement()) {
                    while (watch.running.get()) {
                        try (ResultSet rs = statement.executeQuery("SELECT count(*) - 1 FROM pg_stat_activity"
                                + " WHERE datname = current_database()")) {
                            rs.next();
                            watch.peak.accumulateAndGet(rs.getInt(1), Math::max);
                        }
                        Thread.sleep(5);
                    }
                } catch (Exception e) {
                    watch.peak.set(Integer.MAX_VALUE);
                }
            });
            watch.sampler.start();
            return watch;
        }

        int stop() throws InterruptedException {
            running.set(false);
            sampler.join(10_000);
            return peak.get();
        }
    }
}
