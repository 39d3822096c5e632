import io.github.pgmigrate.directory.MigrationFile;
import io.github.pgmigrate.lint.LintOptions;
import io.github.pgmigrate.lint.LintResult;
import io.github.pgmigrate.lint.Linter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Lint throughput on a generated corpus: one file of N statements mixing the catalog's DDL forms (default 10,000).
 * Run with bench/lint/run.sh. Prints statements linted per second and the time for the whole file, after warm-up.
 * Optionally writes the generated file (for the whole-process Maven run) when given a path.
 */
public final class LintBenchmark {
    private static final String[] TEMPLATES = {
        "ALTER TABLE app.t%1$d ADD COLUMN c%1$d text;",
        "CREATE INDEX CONCURRENTLY IF NOT EXISTS i%1$d ON app.t%1$d (c%1$d);",
        "ALTER TABLE app.t%1$d ADD CONSTRAINT fk%1$d FOREIGN KEY (a) REFERENCES app.parent (id) NOT VALID;",
        "CREATE TABLE app.n%1$d (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL,\n"
                + "    at timestamptz NOT NULL DEFAULT now(), doc jsonb, CONSTRAINT n%1$d_name CHECK (char_length(name) < 200));",
        "ALTER TABLE app.t%1$d ALTER COLUMN c%1$d TYPE bigint USING c%1$d::bigint;",
        "UPDATE app.t%1$d SET a = 1, b = 'x' WHERE id = %1$d;",
        "INSERT INTO app.t%1$d (a, b, c) VALUES (1, 'two', now());",
        "CREATE OR REPLACE FUNCTION app.f%1$d() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n  NEW.at := now();\n  RETURN NEW;\nEND;\n$$;",
        "ALTER TABLE app.t%1$d VALIDATE CONSTRAINT fk%1$d;",
        "DROP INDEX CONCURRENTLY IF EXISTS app.old%1$d;",
    };

    public static void main(String[] args) throws Exception {
        int statements = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        String sql = generate(statements);
        if (args.length > 1 && !args[1].startsWith("--")) {
            Files.writeString(Path.of(args[1]), sql);
            return;
        }
        Linter linter = new Linter(LintOptions.defaults());
        if (args.length > 1 && args[1].equals("--cold")) {
            long start = System.nanoTime();
            LintResult result = lint(linter, sql);
            System.out.printf("cold JVM, first lint of %d statements: %.0f ms%n", result.statements(), (System.nanoTime() - start) / 1e6);
            return;
        }
        for (int i = 0; i < 20; i++) {
            lint(linter, sql);
        }
        int rounds = 30;
        long best = Long.MAX_VALUE;
        long total = 0;
        LintResult last = null;
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            last = lint(linter, sql);
            long elapsed = System.nanoTime() - start;
            best = Math.min(best, elapsed);
            total += elapsed;
        }
        double meanMs = total / 1e6 / rounds;
        System.out.printf("statements per file: %d (%d findings)%n", last.statements(), last.findings().size());
        System.out.printf("mean per file: %.1f ms, best: %.1f ms%n", meanMs, best / 1e6);
        System.out.printf("throughput: %.0f statements/s (mean)%n", last.statements() / (meanMs / 1000));
        String other = generate(statements).replace("app.", "bench.");
        long coldStart = System.nanoTime();
        lint(new Linter(LintOptions.defaults()), other);
        System.out.printf("fresh linter, new text (JIT warm): %.1f ms%n", (System.nanoTime() - coldStart) / 1e6);
    }

    private static LintResult lint(Linter linter, String sql) {
        // A fresh MigrationFile each round so splitting is measured too (MigrationFile caches its statements).
        return linter.lint(List.of(MigrationFile.of("20240101000000_bench.sql", sql)), MigrationFile::name);
    }

    static String generate(int statements) {
        StringBuilder sql = new StringBuilder("SET lock_timeout = '2s';\nSET statement_timeout = '10min';\n");
        for (int i = 2; i < statements; i++) {
            sql.append(String.format(TEMPLATES[i % TEMPLATES.length], i)).append('\n');
        }
        return sql.toString();
    }
}
