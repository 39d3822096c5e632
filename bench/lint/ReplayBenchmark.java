import io.github.pgmigrate.checksum.SumFile;
import io.github.pgmigrate.devdb.DevServer;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.embedded.BinariesArchive;
import io.github.pgmigrate.embedded.EmbeddedServer;
import io.github.pgmigrate.lint.LintOptions;
import io.github.pgmigrate.lint.LintResult;
import io.github.pgmigrate.lint.LintRun;
import io.github.pgmigrate.lint.LintScope;
import io.github.pgmigrate.lint.replay.LintReplay;
import io.github.pgmigrate.output.Output;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Lint replay's cost on a pull request: {@code prior} applied files (a table, 100 rows and an index each) and
 * {@code linted} new files of typical changes, linted statically and with replay on one embedded server — with the
 * replay cache off (the prefix replayed every time), warm (the prefix copied from the cache), and warm with a single
 * one-statement file (the start-up cost: what replay pays before the first linted statement). Per-statement cost =
 * (warm − start-up) / (statements − 1). Run by bench/lint/replay.sh; median of {@code runs} after one warm-up.
 */
public class ReplayBenchmark {
    public static void main(String[] args) throws Exception {
        Path binaries = Path.of(args[0]);
        int prior = Integer.parseInt(args[1]);
        int linted = Integer.parseInt(args[2]);
        int runs = Integer.parseInt(args[3]);
        Path dir = Files.createTempDirectory("pgmigrate-replay-bench-");
        Path one = Files.createTempDirectory("pgmigrate-replay-bench-one-");
        write(dir, prior, linted);
        write(one, prior, 0);
        Files.writeString(one.resolve(String.format("%014d_one.sql", 30000000000000L)),
                "ALTER TABLE t0 ADD COLUMN one text;\n");
        MigrationDirectory directory = rehash(dir);
        MigrationDirectory single = rehash(one);
        try (EmbeddedServer server = EmbeddedServer.start(new BinariesArchive(binaries))) {
            DevServer noCache = DevServer.embedded(server, false, Output.NONE);
            DevServer cached = DevServer.embedded(server, true, Output.NONE);
            List<Long> statik = new ArrayList<>();
            List<Long> cold = new ArrayList<>();
            List<Long> warm = new ArrayList<>();
            List<Long> startup = new ArrayList<>();
            int statements = 0;
            int findings = 0;
            for (int run = 0; run <= runs; run++) {
                long t0 = System.nanoTime();
                LintResult result = lint(directory, linted, null);
                long t1 = System.nanoTime();
                lint(directory, linted, new LintReplay.Request(noCache, null));
                long t2 = System.nanoTime();
                LintResult replayed = lint(directory, linted, new LintReplay.Request(cached, null));
                long t3 = System.nanoTime();
                lint(single, 1, new LintReplay.Request(cached, null));
                long t4 = System.nanoTime();
                if (run > 0) {
                    statik.add((t1 - t0) / 1_000_000);
                    cold.add((t2 - t1) / 1_000_000);
                    warm.add((t3 - t2) / 1_000_000);
                    startup.add((t4 - t3) / 1_000_000);
                }
                statements = result.statements();
                findings = replayed.findings().size();
            }
            long w = median(warm);
            long s = median(startup);
            System.out.printf("PostgreSQL %s, %d prior files, %d linted files (%d statements, %d findings with replay),"
                    + " median of %d%n", server.serverVersion(), prior, linted, statements, findings, runs);
            System.out.println("| measurement | time |");
            System.out.println("|---|---|");
            System.out.printf("| static lint of the %d files (no replay) | %d ms |%n", linted, median(statik));
            System.out.printf("| replay lint, cache off (the %d prior files replayed) | %d ms |%n", prior, median(cold));
            System.out.printf("| replay lint, cache warm | %d ms |%n", w);
            System.out.printf("| start-up: replay lint of one 1-statement file, cache warm | %d ms |%n", s);
            System.out.printf("| per linted statement: (warm − start-up) / %d | %.1f ms |%n", statements - 1,
                    (double) (w - s) / Math.max(1, statements - 1));
        }
    }

    private static LintResult lint(MigrationDirectory directory, int latest, LintReplay.Request replay)
            throws Exception {
        return LintRun.run(directory, new LintScope.Latest(latest), LintOptions.defaults(), Path::toString, replay);
    }

    private static void write(Path dir, int prior, int linted) throws Exception {
        long version = 20000000000000L;
        for (int i = 0; i < prior; i++) {
            Files.writeString(dir.resolve(String.format("%014d_t%d.sql", version++, i)),
                    "CREATE TABLE t" + i + " (id bigint PRIMARY KEY, name text NOT NULL, created timestamptz NOT NULL"
                            + " DEFAULT now());\nINSERT INTO t" + i + " (id, name) SELECT g, 'n' || g FROM"
                            + " generate_series(1, 100) g;\nCREATE INDEX t" + i + "_name ON t" + i + " (name);\n");
        }
        for (int i = 0; i < linted; i++) {
            String t = "t" + i;
            String sql = switch (i % 5) {
                case 0 -> "SET lock_timeout = '2s';\nALTER TABLE " + t + " ADD COLUMN note text;\n"
                        + "ALTER TABLE " + t + " ALTER COLUMN name TYPE varchar(200);\n";
                case 1 -> "-- atlas:txmode none\n\nCREATE INDEX CONCURRENTLY " + t + "_created ON " + t + " (created);\n";
                case 2 -> "SET lock_timeout = '2s';\nALTER TABLE " + t + " ADD COLUMN parent_id bigint REFERENCES t0"
                        + " NOT VALID;\nALTER TABLE " + t + " VALIDATE CONSTRAINT " + t + "_parent_id_fkey;\n";
                case 3 -> "SET lock_timeout = '2s';\nALTER TABLE " + t + " ALTER COLUMN id TYPE numeric;\n";
                default -> "CREATE TABLE new_" + i + " (id bigint PRIMARY KEY, t_id bigint REFERENCES " + t + ");\n"
                        + "CREATE INDEX new_" + i + "_t ON new_" + i + " (t_id);\n";
            };
            Files.writeString(dir.resolve(String.format("%014d_change%d.sql", version++, i)), sql);
        }
    }

    private static MigrationDirectory rehash(Path dir) throws Exception {
        MigrationDirectory loaded = MigrationDirectory.load(dir);
        Files.write(dir.resolve(MigrationDirectory.SUM_FILE), SumFile.compute(loaded.files()).format());
        return MigrationDirectory.load(dir);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
