package io.github.pgmigrate.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgmigrate.directory.MigrationDirectory;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Realistic migration directories written with the catalog's safe patterns must lint clean. */
class CorpusTest {

    @Test
    void safePatternCorpusHasNoFindings() throws Exception {
        MigrationDirectory dir = MigrationDirectory.load(Path.of("src/test/resources/lint/clean-corpus"));
        LintResult result = new Linter(LintOptions.defaults()).lint(dir.files(), f -> f.name());
        assertThat(result.files()).hasSize(20);
        assertThat(result.statements()).isGreaterThan(50);
        assertThat(result.findings()).extracting(Finding::logLine).isEmpty();
    }

    @Test
    void safePatternCorpusStaysCleanOnEverySupportedVersionFrom14() throws Exception {
        MigrationDirectory dir = MigrationDirectory.load(Path.of("src/test/resources/lint/clean-corpus"));
        for (String version : new String[] {"14.4", "15", "16", "18"}) {
            LintResult result = new Linter(LintOptions.defaults().withPgVersion(PgVersion.parse(version))).lint(dir.files(), f -> f.name());
            assertThat(result.findings()).as("PostgreSQL " + version).extracting(Finding::logLine).isEmpty();
        }
    }

    @Test
    void projectSampleHasNoErrorsAndOnlyTheExpectedWarnings() throws Exception {
        MigrationDirectory dir = MigrationDirectory.load(Path.of("migrations-sample/migrations"));
        LintResult result = new Linter(LintOptions.defaults()).lint(dir.files(), f -> f.name());
        assertThat(result.errors()).isZero();
        // posts references the existing users table (SHARE ROW EXCLUSIVE on users) without timeouts, and the new enum
        // value is appended without BEFORE/AFTER: both are real, warning-level findings.
        assertThat(result.findings()).extracting(f -> f.file() + " " + f.rule().id()).containsExactlyInAnyOrder(
                "20250101090200_posts.sql require-lock-timeout",
                "20250101090200_posts.sql require-statement-timeout",
                "20250101090400_moderator_role.sql require-enum-value-ordering");
    }
}
