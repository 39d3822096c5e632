package io.github.pgmigrate.report;

import io.github.pgmigrate.directory.MigrationFile;
import io.github.pgmigrate.lint.Finding;
import io.github.pgmigrate.lint.FindingSeverity;
import io.github.pgmigrate.lint.LintOptions;
import io.github.pgmigrate.lint.LintResult;
import io.github.pgmigrate.lint.Linter;
import io.github.pgmigrate.lint.Rule;
import java.util.ArrayList;
import java.util.List;

/**
 * A lint run that exercises every field of the report files, for the golden-file tests: several files (one without
 * findings, one whose name needs escaping and percent-encoding), rules with and without Atlas codes and one that is off
 * by default, multi-line end positions, a measured finding, a fix that is empty or absent, the same rule twice on one
 * element, and messages with quotes, markup characters, control characters and non-ASCII text.
 */
final class ReportCorpus {
    private static final String ODD_FILE = "src/main/migrations/4_données \"v2\" <&>.sql";

    private ReportCorpus() {
    }

    static LintResult result() {
        LintResult linted = new Linter(LintOptions.defaults()).lint(List.of(
                MigrationFile.of("1_init.sql", "CREATE TABLE t (id bigint);"),
                MigrationFile.of("2_index.sql", "SET lock_timeout = '2s';\nSET statement_timeout = '1min';\n"
                        + "CREATE INDEX idx ON users (email);\nCREATE TABLE \"weird, name: 100%\" (at timestamp,\n"
                        + "  a varchar(5), b varchar(5));\nALTER TABLE users\n  ADD CONSTRAINT fk FOREIGN KEY (a)"
                        + " REFERENCES other (id);"),
                MigrationFile.of("3_clean.sql", "CREATE TABLE u (id bigint, at timestamptz);")),
                f -> "src/main/migrations/" + f.name());
        List<Finding> findings = new ArrayList<>(linted.findings());
        Finding retype = new Finding(Rule.CHANGING_COLUMN_TYPE, FindingSeverity.ERROR, ODD_FILE, 2, 3, 4, 12,
                "Changing the type of \"prix €\" rewrites «commandes» — 表 <&> 'x'\ttab\nnew line 😀 back\\slash.",
                "Add a new column, backfill it, and swap.");
        findings.add(retype.measuredAs(FindingSeverity.ERROR,
                "ACCESS EXCLUSIVE on public.\"commandes\" (3 rows); public.commandes rewritten",
                " Replay measured the rewrite."));
        findings.add(new Finding(Rule.MEASURED_ACCESS_EXCLUSIVE_LOCK, FindingSeverity.WARNING, ODD_FILE, 6, 1, 6, 40,
                "Replay measured ACCESS EXCLUSIVE on \"odd]]>table\".", "", "ACCESS EXCLUSIVE on public.\"odd]]>table\""));
        findings.add(new Finding(Rule.AVOID_ENUM_TYPE, FindingSeverity.WARNING, ODD_FILE, 8, 1, "Enum type &quot; mood.",
                null));
        findings.add(new Finding(Rule.AVOID_ENUM_TYPE, FindingSeverity.WARNING, ODD_FILE, 8, 1, "Enum type mood again.",
                null));
        List<String> files = new ArrayList<>(linted.files());
        files.add(ODD_FILE);
        return new LintResult(findings, files, linted.statements() + 4);
    }

    static LintResult empty() {
        return new LintResult(List.of(), List.of(), 0);
    }
}
