package io.github.pgmigrate.lint;

import io.github.pgmigrate.config.ConfigurationException;
import io.github.pgmigrate.directory.MigrationFile;
import java.util.List;

/** Test helper: lints SQL text as one migration file. */
final class Lint {
    private Lint() {
    }

    static List<Finding> lint(String sql) {
        return lint(sql, LintOptions.defaults());
    }

    static List<Finding> lint(String sql, LintOptions options) {
        return new Linter(options).lint(MigrationFile.of("20240101000000_test.sql", sql), "migrations/20240101000000_test.sql");
    }

    static List<Rule> rules(String sql) {
        return rules(sql, LintOptions.defaults());
    }

    static List<Rule> rules(String sql, LintOptions options) {
        return lint(sql, options).stream().map(Finding::rule).toList();
    }

    static LintOptions pg(String version) {
        try {
            return LintOptions.defaults().withPgVersion(PgVersion.parse(version));
        } catch (ConfigurationException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
