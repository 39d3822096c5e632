import io.github.pgmigrate.embedded.BinariesArchive;
import io.github.pgmigrate.embedded.EmbeddedServer;
import io.github.pgmigrate.schema.diff.DiffOptions;
import io.github.pgmigrate.schema.diff.Plan;
import io.github.pgmigrate.schema.diff.SchemaDiffer;
import io.github.pgmigrate.schema.inspect.InspectScope;
import io.github.pgmigrate.schema.inspect.SchemaInspector;
import io.github.pgmigrate.schema.model.SchemaModel;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Inspect a generated schema (1,000 tables, 10,000 columns, 2,000 indexes, 200 functions) against pg_dump
 * --schema-only of the same database in the same run, and schema-diff two such schemas (both inspections included).
 * Run by bench/schema/run.sh; prints a markdown table for docs/benchmarks.md.
 */
public class SchemaBenchmark {
    public static void main(String[] args) throws Exception {
        int tables = Integer.parseInt(args[1]);
        int runs = Integer.parseInt(args[2]);
        try (EmbeddedServer server = EmbeddedServer.start(new BinariesArchive(Path.of(args[0])))) {
            createDatabase(server, "bench_a");
            createDatabase(server, "bench_b");
            generate(server, "bench_a", tables, false);
            generate(server, "bench_b", tables, true);
            List<Long> inspect = new ArrayList<>();
            List<Long> dump = new ArrayList<>();
            List<Long> diff = new ArrayList<>();
            int planSteps = 0;
            int tablesSeen = 0;
            for (int run = 0; run < runs + 1; run++) {
                long start = System.nanoTime();
                SchemaModel a = inspect(server, "bench_a");
                long inspected = System.nanoTime();
                pgDump(server, "bench_a");
                long dumped = System.nanoTime();
                Plan plan = SchemaDiffer.diff(inspect(server, "bench_a"), inspect(server, "bench_b"),
                        DiffOptions.DEFAULT);
                long diffed = System.nanoTime();
                if (run > 0) { // the first run warms the JVM and the server's catalog cache
                    inspect.add((inspected - start) / 1_000_000);
                    dump.add((dumped - inspected) / 1_000_000);
                    diff.add((diffed - dumped) / 1_000_000);
                }
                planSteps = plan.steps().size();
                tablesSeen = a.tables().size();
            }
            long i = median(inspect);
            long d = median(dump);
            System.out.println("PostgreSQL " + server.serverVersion() + ", " + tablesSeen + " tables, median of "
                    + runs + " runs");
            System.out.println("| measurement | time | vs. pg_dump --schema-only |");
            System.out.println("|---|---|---|");
            System.out.printf("| inspect (16 statements) | %d ms | %.2f× |%n", i, (double) i / d);
            System.out.printf("| pg_dump --schema-only (peer) | %d ms | 1 |%n", d);
            System.out.printf("| schema-diff: inspect both + plan (%d steps) | %d ms | %.2f× |%n", planSteps,
                    median(diff), (double) median(diff) / d);
        }
    }

    private static SchemaModel inspect(EmbeddedServer server, String database) throws Exception {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(database), EmbeddedServer.USER, null)) {
            return SchemaInspector.inspect(c, InspectScope.everything()).model();
        }
    }

    private static void pgDump(EmbeddedServer server, String database) throws Exception {
        Process p = new ProcessBuilder("pg_dump", "--schema-only", "-h", "localhost", "-p",
                String.valueOf(server.port()), "-U", EmbeddedServer.USER, "-f", "/dev/null", database)
                .inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("pg_dump failed");
        }
    }

    private static void createDatabase(EmbeddedServer server, String name) throws Exception {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl("postgres"), EmbeddedServer.USER, null);
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
    }

    /** Ten columns and two indexes per table, a foreign key to the previous table, a function per five tables. */
    private static void generate(EmbeddedServer server, String database, int tables, boolean changed)
            throws Exception {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(database), EmbeddedServer.USER, null);
             Statement s = c.createStatement()) {
            s.execute("DO $$ BEGIN FOR i IN 1.." + tables + " LOOP"
                    + " EXECUTE format('CREATE TABLE t%s (id bigint PRIMARY KEY, parent bigint REFERENCES t%s,"
                    + " a text NOT NULL DEFAULT ''x'', b integer, c numeric(10,2), d timestamptz DEFAULT now(),"
                    + " e boolean, f jsonb, g varchar(40), h uuid)', i, greatest(i - 1, 1));"
                    + " EXECUTE format('CREATE INDEX t%s_a ON t%s (a)', i, i);"
                    + " EXECUTE format('CREATE INDEX t%s_bc ON t%s (b, c) WHERE e', i, i);"
                    + " IF i % 5 = 0 THEN EXECUTE format('CREATE FUNCTION f%s(x int) RETURNS int LANGUAGE plpgsql"
                    + " AS $f$ BEGIN RETURN x + %s; END $f$', i, i); END IF;"
                    + (changed ? " IF i % 10 = 0 THEN EXECUTE format('ALTER TABLE t%s ADD COLUMN k text;"
                    + " CREATE INDEX t%s_g ON t%s (g)', i, i, i); END IF;" : "")
                    + " END LOOP; END $$");
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }
}
