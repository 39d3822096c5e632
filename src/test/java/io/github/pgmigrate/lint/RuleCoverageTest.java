package io.github.pgmigrate.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgmigrate.config.ConfigurationException;
import io.github.pgmigrate.directory.MigrationDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule can be traced: it has a positive case that makes it fire (in {@link RuleCasesTest}, or here for the rules
 * that need another version, mode, level or a git history), and the class it names as its emitter is the one that reports it. {@link FindingSink}
 * refuses a report from any other class, so the positive cases also prove the second half at run time.
 */
class RuleCoverageTest {
    private static final Path LINT_SOURCES = Path.of("src/main/java/io/github/pgmigrate/lint");
    private static final String NONE = "-- atlas:txmode none\n\n";

    /** Positive cases that cannot start with RuleCasesTest's timeouts on PostgreSQL 17 with the default levels. */
    static Stream<Arguments> otherPositives() throws ConfigurationException {
        LintOptions defaults = LintOptions.defaults();
        return Stream.of(
                Arguments.of(Rule.REQUIRE_LOCK_TIMEOUT, defaults, "ALTER TABLE users ADD COLUMN a text;"),
                Arguments.of(Rule.REQUIRE_STATEMENT_TIMEOUT, defaults, "ALTER TABLE users ADD COLUMN a text;"),
                Arguments.of(Rule.VALIDATE_CONSTRAINT_IN_SAME_TRANSACTION, defaults, "SET lock_timeout = '2s';\n"
                        + "ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;\n"
                        + "ALTER TABLE orders VALIDATE CONSTRAINT fk;"),
                Arguments.of(Rule.PG14_CONCURRENT_INDEX_CORRUPTION, defaults.withPgVersion(PgVersion.parse("14.3")),
                        NONE + "CREATE INDEX CONCURRENTLY IF NOT EXISTS i ON users (email);"),
                Arguments.of(Rule.BAN_UNCOMMITTED_TRANSACTION, defaults,
                        NONE + "BEGIN;\nALTER TABLE t ADD COLUMN IF NOT EXISTS a text;"),
                Arguments.of(Rule.MIXED_TRANSACTIONAL_AND_NON_TRANSACTIONAL, defaults, NONE
                        + "CREATE INDEX CONCURRENTLY IF NOT EXISTS i ON users (email);\n"
                        + "ALTER TABLE users ADD COLUMN IF NOT EXISTS a text;"),
                Arguments.of(Rule.ENUM_ADD_VALUE_IN_TRANSACTION, defaults.withPgVersion(PgVersion.parse("11")),
                        "ALTER TYPE mood ADD VALUE 'ok' AFTER 'sad';"),
                Arguments.of(Rule.PREFER_ROBUST_STMTS, defaults, NONE + "ALTER TABLE users ADD COLUMN a text;"),
                Arguments.of(Rule.AVOID_ENUM_TYPE, defaults.withRules(Map.of("avoid-enum-type", "warning")),
                        "CREATE TYPE mood AS ENUM ('sad', 'ok');"),
                Arguments.of(Rule.REQUIRE_TABLE_SCHEMA, defaults.withRules(Map.of("require-table-schema", "warning")),
                        "CREATE TABLE t (id bigint);"),
                Arguments.of(Rule.DIRECTIVE_NOT_APPLIED, defaults, "-- atlas:txmode none\nSELECT 1;"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("otherPositives")
    void fires(Rule rule, LintOptions options, String sql) {
        assertThat(Lint.rules(sql, options)).contains(rule);
    }

    @Test
    void everyRuleHasAPositiveCase() throws Exception {
        Set<Rule> covered = Stream.concat(RuleCasesTest.fires(), otherPositives())
                .map(arguments -> (Rule) arguments.get()[0])
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Rule.class)));
        covered.add(Rule.EDITED_COMMITTED_MIGRATION);
        // Reported only by replay on a dev database: LintReplayTest has their positive cases on PostgreSQL 13 and 18.
        Arrays.stream(Rule.values()).filter(MeasuredFindings::isMeasured).forEach(covered::add);

        assertThat(EnumSet.complementOf(EnumSet.copyOf(covered))).as("rules without a positive case").isEmpty();
    }

    @Test
    void anEditedCommittedMigrationFires(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("20240101000000_a.sql"), "SELECT 1;\n");
        MigrationDirectory directory = MigrationDirectory.load(dir);
        GitChanges changes = new GitChanges(List.of(), List.of("20240101000000_a.sql"), List.of());

        ScopeSelection selection = ScopeSelection.fromChanges(directory.files(), changes, "origin/main",
                Path::toString, directory);

        assertThat(selection.findings()).extracting(Finding::rule).containsExactly(Rule.EDITED_COMMITTED_MIGRATION);
    }

    @Test
    void theEmitterOfEveryRuleReportsIt() throws Exception {
        for (Rule rule : Rule.values()) {
            String source = Files.readString(LINT_SOURCES.resolve(rule.emittedBy().getSimpleName() + ".java"));
            assertThat(source).as(rule.emittedBy().getSimpleName() + " for " + rule.id())
                    .contains("Rule." + rule.name());
        }
    }
}
