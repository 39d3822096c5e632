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
    void projectSampleHasNoFindings() throws Exception {
        MigrationDirectory dir = MigrationDirectory.load(Path.of("migrations-sample/migrations"));
        LintResult result = new Linter(LintOptions.defaults()).lint(dir.files(), f -> f.name());
        // The sample follows the safe patterns: timeouts before locking users, enum values placed explicitly.
        assertThat(result.findings()).isEmpty();
    }
}
