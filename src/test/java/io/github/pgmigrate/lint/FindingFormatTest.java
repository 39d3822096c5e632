package io.github.pgmigrate.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgmigrate.directory.MigrationFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingFormatTest {

    @Test
    void findingCarriesPositionLockAndAlternative() {
        List<Finding> findings = Lint.lint("SET lock_timeout = '2s';\nSET statement_timeout = '1min';\n\n  CREATE INDEX idx_users_email ON users (email);");
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo(Rule.REQUIRE_CONCURRENT_INDEX_CREATION);
            assertThat(f.severity()).isEqualTo(FindingSeverity.ERROR);
            assertThat(f.line()).isEqualTo(4);
            assertThat(f.column()).isEqualTo(3);
            assertThat(f.message()).contains("SHARE lock on \"users\"").contains("writes are blocked");
            assertThat(f.fix()).contains("CREATE INDEX CONCURRENTLY");
            assertThat(f.logLine()).startsWith("migrations/20240101000000_test.sql:4:3: error require-concurrent-index-creation Creating index")
                    .doesNotContain("\n");
        });
    }

    @Test
    void rewriteIsNamedInTheMessage() {
        assertThat(Lint.lint("SET lock_timeout = '2s';\nSET statement_timeout = '1min';\nALTER TABLE users ALTER COLUMN age TYPE bigint;"))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("ACCESS EXCLUSIVE").contains("rewrites the table"));
    }

    @Test
    void syntaxErrorIsAFindingAndStopsTheFile() {
        List<Finding> findings = Lint.lint("ALTER TABLE users DROP COLUMN a;\nSELECT 'unterminated;");
        assertThat(findings).extracting(Finding::rule).containsExactly(Rule.SYNTAX_ERROR);
        assertThat(findings.get(0).line()).isEqualTo(2);
    }

    @Test
    void runCountsStatementsAndFiles() {
        LintResult result = new Linter(LintOptions.defaults()).lint(List.of(
                MigrationFile.of("1_a.sql", "CREATE TABLE a (id bigint);"),
                MigrationFile.of("2_b.sql", "DROP TABLE a;\nDROP TABLE b;")), MigrationFile::name);
        assertThat(result.files()).containsExactly("1_a.sql", "2_b.sql");
        assertThat(result.statements()).isEqualTo(3);
        // Files are linted independently: a table created in an earlier file is pre-existing in a later one.
        assertThat(result.findings()).filteredOn(f -> f.rule() == Rule.BAN_DROP_TABLE).hasSize(2);
        assertThat(result.errors()).isEqualTo(2);
    }
}
