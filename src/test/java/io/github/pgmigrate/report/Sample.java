package io.github.pgmigrate.report;

import io.github.pgmigrate.directory.MigrationFile;
import io.github.pgmigrate.lint.LintOptions;
import io.github.pgmigrate.lint.LintResult;
import io.github.pgmigrate.lint.Linter;
import java.util.List;

/** A lint run with an error, a warning and a clean file, for the report tests. */
final class Sample {
    private Sample() {
    }

    static LintResult result() {
        return new Linter(LintOptions.defaults()).lint(List.of(
                MigrationFile.of("1_init.sql", "CREATE TABLE t (id bigint);"),
                MigrationFile.of("2_index.sql", "SET lock_timeout = '2s';\nSET statement_timeout = '1min';\n"
                        + "CREATE INDEX idx ON users (email);\nCREATE TABLE \"weird, name: 100%\" (at timestamp);")),
                f -> "src/main/migrations/" + f.name());
    }
}
