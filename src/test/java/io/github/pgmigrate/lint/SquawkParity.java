package io.github.pgmigrate.lint;

import io.github.pgmigrate.directory.MigrationFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * pgmigrate's findings beside Squawk's on the same files: per rule pair, the findings both report, only Squawk
 * reports and only pgmigrate reports, and each disagreement listed. Two findings agree when they are in the same file,
 * their rules pair up, and their lines overlap (for the timeout rules, which both tools report once per file: the
 * same file). Run by bench/lint-parity/run.sh on the whole corpus and by
 * {@code SquawkParityTest} on a small one.
 */
final class SquawkParity {
    /** Squawk 2.66's rules; those with a pgmigrate counterpart are compared, the rest are listed as Squawk's own. */
    static final Set<String> SQUAWK_RULES = Set.of("require-concurrent-index-creation", "require-concurrent-index-deletion",
            "constraint-missing-not-valid", "adding-field-with-default", "adding-foreign-key-constraint", "changing-column-type",
            "adding-not-nullable-field", "adding-serial-primary-key-field", "renaming-column", "renaming-table",
            "disallowed-unique-constraint", "ban-drop-database", "prefer-bigint-over-int", "prefer-bigint-over-smallint",
            "prefer-identity", "prefer-repack", "prefer-robust-stmts", "prefer-text-field", "prefer-timestamp-tz",
            "ban-char-field", "ban-drop-column", "ban-drop-table", "ban-drop-not-null", "transaction-nesting",
            "adding-required-field", "ban-concurrent-index-creation-in-transaction", "unused-ignore",
            "ban-create-domain-with-constraint", "ban-alter-domain-with-add-constraint", "ban-truncate-cascade",
            "require-timeout-settings", "ban-uncommitted-transaction", "require-enum-value-ordering", "require-table-schema",
            "identifier-too-long", "require-concurrent-partition-detach", "require-concurrent-reindex", "require-lock-timeout",
            "require-statement-timeout", "ban-duplicate-column-assignments");
    /**
     * Squawk rules that cover more than their namesake: constraint-missing-not-valid fires on every ADD CONSTRAINT
     * without NOT VALID (and on VALIDATE in the same transaction), adding-field-with-default also on generated columns.
     */
    private static final Map<String, List<String>> WIDER = Map.of(
            "constraint-missing-not-valid", List.of("validate-constraint-in-same-transaction", "adding-foreign-key-constraint",
                    "adding-exclusion-constraint", "disallowed-unique-constraint", "adding-primary-key-constraint"),
            "adding-field-with-default", List.of("adding-generated-stored-column"));

    /**
     * Rules both tools report once per file, on the first statement that needs the setting: they agree when both report
     * the file, whichever statement each picked.
     */
    private static final Set<String> ONCE_PER_FILE = Set.of("require-lock-timeout", "require-statement-timeout");

    record Ours(Path file, Rule rule, int line, int endLine) {
    }

    private static boolean agree(Path squawkFile, String squawkRule, int line, int endLine, Ours o) {
        return o.file().equals(squawkFile) && targets(squawkRule).contains(o.rule().id())
                && (ONCE_PER_FILE.contains(o.rule().id()) || o.line() <= endLine && line <= o.endLine());
    }

    record Row(String pair, int both, int onlySquawk, int onlyPgmigrate) {
    }

    /** The comparison of one run. */
    record Result(String squawkVersion, int files, int statements, List<Row> rows, List<String> disagreements,
                  Map<String, Integer> squawkOnlyRules, Map<String, Integer> pgmigrateOnlyRules, List<String> squawkFailedOn) {

        String table() {
            StringBuilder out = new StringBuilder("| Squawk rule ↔ pgmigrate rule | both | only Squawk | only pgmigrate |\n|---|---:|---:|---:|\n");
            int[] total = new int[3];
            for (Row row : rows) {
                out.append("| ").append(row.pair()).append(" | ").append(row.both()).append(" | ").append(row.onlySquawk())
                        .append(" | ").append(row.onlyPgmigrate()).append(" |\n");
                total[0] += row.both();
                total[1] += row.onlySquawk();
                total[2] += row.onlyPgmigrate();
            }
            return out.append("| **all shared rules** | ").append(total[0]).append(" | ").append(total[1]).append(" | ")
                    .append(total[2]).append(" |\n").toString();
        }
    }

    private SquawkParity() {
    }

    /** The pgmigrate rules a Squawk rule's findings count as. */
    static List<String> targets(String squawkRule) {
        if (!SQUAWK_RULES.contains(squawkRule)) {
            // Squawk's own parser errors (syntax-error) and anything newer than this list are Squawk's alone.
            return List.of();
        }
        List<String> targets = new ArrayList<>(Suppressions.SQUAWK_ALIASES.getOrDefault(squawkRule,
                Rule.byId(squawkRule).isPresent() ? List.of(squawkRule) : List.of()));
        targets.addAll(WIDER.getOrDefault(squawkRule, List.of()));
        return targets;
    }

    /** The pair a pgmigrate rule's own findings are counted under, or null when Squawk has no such rule. */
    static String home(Rule rule) {
        String wider = null;
        for (String squawk : new TreeSet<>(SQUAWK_RULES)) {
            List<String> direct = Suppressions.SQUAWK_ALIASES.getOrDefault(squawk, List.of(squawk));
            if (direct.contains(rule.id())) {
                return squawk;
            }
            if (WIDER.getOrDefault(squawk, List.of()).contains(rule.id())) {
                wider = squawk;
            }
        }
        return wider;
    }

    static Result compare(Path root, List<Path> files, SquawkCli squawk) throws IOException, InterruptedException {
        PgVersion pg = PgVersion.DEFAULT;
        SquawkCli.Run run = squawk.lintEach(files, pg.major());
        List<Path> failed = run.failed().stream().map(f -> f.toAbsolutePath().normalize()).toList();
        List<SquawkCli.SquawkFinding> theirs = run.findings().stream()
                .map(f -> new SquawkCli.SquawkFinding(f.file().toAbsolutePath().normalize(), f.rule(), f.line(), f.endLine()))
                .toList();
        Linter linter = new Linter(LintOptions.defaults());
        List<Ours> ours = new ArrayList<>();
        int statements = 0;
        for (Path file : files) {
            Path absolute = file.toAbsolutePath().normalize();
            if (failed.contains(absolute)) {
                continue;
            }
            MigrationFile migration = MigrationFile.read(absolute);
            LintResult result = linter.lint(List.of(migration), m -> root.relativize(absolute).toString());
            statements += result.statements();
            result.findings().forEach(f -> ours.add(new Ours(absolute, f.rule(), f.line(), f.endLine())));
        }
        Map<String, int[]> rows = new TreeMap<>();
        List<String> disagreements = new ArrayList<>();
        Map<String, Integer> squawkOnly = new TreeMap<>();
        Map<String, Integer> pgmigrateOnly = new TreeMap<>();
        for (SquawkCli.SquawkFinding s : theirs) {
            List<String> targets = targets(s.rule());
            if (targets.isEmpty()) {
                squawkOnly.merge(s.rule(), 1, Integer::sum);
                continue;
            }
            boolean agreed = ours.stream().anyMatch(o -> agree(s.file(), s.rule(), s.line(), s.endLine(), o));
            rows.computeIfAbsent(s.rule(), k -> new int[3])[agreed ? 0 : 1]++;
            if (!agreed) {
                disagreements.add("only-squawk " + s.rule() + " " + root.relativize(s.file()) + ":" + s.line());
            }
        }
        for (Ours o : ours) {
            String home = home(o.rule());
            if (home == null) {
                pgmigrateOnly.merge(o.rule().id(), 1, Integer::sum);
                continue;
            }
            boolean agreed = theirs.stream().anyMatch(s -> agree(s.file(), s.rule(), s.line(), s.endLine(), o));
            if (!agreed) {
                rows.computeIfAbsent(home, k -> new int[3])[2]++;
                disagreements.add("only-pgmigrate " + o.rule().id() + " " + root.relativize(o.file()) + ":" + o.line());
            }
        }
        List<Row> table = new ArrayList<>();
        rows.forEach((squawkRule, counts) -> table.add(new Row(squawkRule + " ↔ " + String.join(", ", targets(squawkRule)),
                counts[0], counts[1], counts[2])));
        disagreements.sort(null);
        return new Result(squawk.version(), files.size() - failed.size(), statements, table, disagreements, squawkOnly,
                pgmigrateOnly, failed.stream().map(f -> root.relativize(f).toString()).toList());
    }

    /** The {@code .sql} files under each path (a file stands for itself), sorted. */
    static List<Path> sqlFiles(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(p -> p.toString().endsWith(".sql") && Files.isRegularFile(p)).sorted().forEach(files::add);
                }
            } else {
                files.add(path);
            }
        }
        return files;
    }

    /**
     * {@code SquawkParity root [--write-expected file] path…}: prints the table, the rules only one tool has and every
     * disagreement; with --write-expected, also writes the disagreement list in the format SquawkParityTest reads.
     */
    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        Path expected = null;
        List<Path> paths = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--write-expected")) {
                expected = Path.of(args[++i]);
            } else {
                paths.add(root.resolve(args[i]));
            }
        }
        long start = System.nanoTime();
        Result result = compare(root, sqlFiles(paths), SquawkCli.locate(root));
        System.out.printf("Squawk %s and pgmigrate on %d files (%d statements), PostgreSQL %d, files in a transaction (%.1f s)%n%n",
                result.squawkVersion(), result.files(), result.statements(), PgVersion.DEFAULT.major(), (System.nanoTime() - start) / 1e9);
        System.out.println(result.table());
        System.out.println("Files Squawk failed on (left out on both sides): " + result.squawkFailedOn());
        System.out.println("Rules only Squawk has (not compared): " + result.squawkOnlyRules());
        System.out.println("Rules only pgmigrate has (not compared): " + result.pgmigrateOnlyRules());
        System.out.println();
        System.out.println("Disagreements (" + result.disagreements().size() + "):");
        result.disagreements().forEach(d -> System.out.println("  " + d));
        if (expected != null) {
            List<String> lines = new ArrayList<>();
            lines.add("# squawk " + result.squawkVersion());
            lines.add("# Disagreements with Squawk on this corpus, each explained in docs/lint/parity.md; SquawkParityTest fails when");
            lines.add("# the list changes. Regenerate with bench/lint-parity/run.sh --write-expected after a deliberate change.");
            lines.addAll(result.disagreements());
            Files.write(expected, lines);
        }
    }
}
