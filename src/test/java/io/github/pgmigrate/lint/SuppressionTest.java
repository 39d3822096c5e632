package io.github.pgmigrate.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgmigrate.config.ConfigurationException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SuppressionTest {
    private static final String T = "SET lock_timeout = '2s';\nSET statement_timeout = '5min';\n";
    private static final String DROP = "ALTER TABLE users DROP COLUMN legacy;";

    @Test
    void bareFileLevelNolintSkipsTheWholeFile() {
        assertThat(Lint.lint("-- atlas:nolint\n\n" + DROP + "\nDROP TABLE x;")).isEmpty();
    }

    @Test
    void fileLevelNolintWithCodesAppliesToEveryStatement() {
        String sql = "-- atlas:nolint DS103\n\n" + T + DROP + "\nDROP TABLE x;";
        assertThat(Lint.rules(sql)).doesNotContain(Rule.BAN_DROP_COLUMN).contains(Rule.BAN_DROP_TABLE);
        assertThat(Lint.rules("-- atlas:nolint destructive\n\n" + T + DROP + "\nDROP TABLE x;"))
                .doesNotContain(Rule.BAN_DROP_COLUMN, Rule.BAN_DROP_TABLE);
    }

    @Test
    void withoutTheBlankLineAFirstLineNolintIsAStatementDirectiveOfTheFirstStatement() {
        String sql = "-- atlas:nolint\n" + DROP + "\n" + T + DROP.replace("legacy", "old");
        assertThat(Lint.lint(sql)).noneMatch(f -> f.rule() == Rule.DIRECTIVE_NOT_APPLIED)
                .filteredOn(f -> f.rule() == Rule.BAN_DROP_COLUMN).extracting(Finding::line).containsExactly(5);
        assertThat(Lint.rules("-- atlas:nolint DS103\n" + DROP + "\n" + T))
                .doesNotContain(Rule.DIRECTIVE_NOT_APPLIED, Rule.BAN_DROP_COLUMN);
    }

    @Test
    void aFileDirectiveWithoutTheBlankLineIsNotApplied() {
        assertThat(Lint.rules("-- atlas:txmode none\n" + T + DROP)).contains(Rule.DIRECTIVE_NOT_APPLIED);
    }

    @Test
    void statementLevelNolintSuppressesThatStatementOnly() {
        String sql = T + "-- atlas:nolint DS103\n" + DROP + "\n" + DROP.replace("legacy", "old");
        assertThat(Lint.lint(sql)).filteredOn(f -> f.rule() == Rule.BAN_DROP_COLUMN)
                .extracting(Finding::line).containsExactly(5);
    }

    @Test
    void bareStatementLevelNolintSuppressesEverythingOfTheStatement() {
        String sql = T + "-- atlas:nolint\nALTER TABLE users ADD COLUMN id2 serial;\nALTER TABLE users DROP COLUMN old;";
        assertThat(Lint.lint(sql)).extracting(Finding::line).containsOnly(5);
    }

    @Test
    void statementLevelNolintAcceptsRuleIdsHashAndBlockComments() {
        assertThat(Lint.rules(T + "-- atlas:nolint ban-drop-column\n" + DROP)).doesNotContain(Rule.BAN_DROP_COLUMN);
        assertThat(Lint.rules(T + "#atlas:nolint DS103\n" + DROP)).doesNotContain(Rule.BAN_DROP_COLUMN);
        assertThat(Lint.rules(T + "/*atlas:nolint DS103*/\n" + DROP)).doesNotContain(Rule.BAN_DROP_COLUMN);
        // Atlas does not read "/* atlas:nolint */" with a space after /*.
        assertThat(Lint.rules(T + "/* atlas:nolint DS103 */\n" + DROP)).contains(Rule.BAN_DROP_COLUMN);
    }

    @Test
    void pgmigrateIgnoreSuppressesListedRules() {
        String sql = T + "-- pgmigrate:ignore ban-drop-column, ban-drop-table -- checked: unused since v2\n" + DROP;
        assertThat(Lint.rules(sql)).doesNotContain(Rule.BAN_DROP_COLUMN, Rule.UNKNOWN_SUPPRESSION);
    }

    @Test
    void pgmigrateIgnoreNeverSuppressesEverythingAndReportsUnknownNames() {
        assertThat(Lint.rules(T + "-- pgmigrate:ignore\n" + DROP)).contains(Rule.BAN_DROP_COLUMN, Rule.UNKNOWN_SUPPRESSION);
        assertThat(Lint.lint(T + "-- pgmigrate:ignore ban-drop-colum\n" + DROP))
                .filteredOn(f -> f.rule() == Rule.UNKNOWN_SUPPRESSION).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("ban-drop-colum"));
    }

    @Test
    void ignoreOfARuleThatDoesNotFireIsReported() throws Exception {
        assertThat(Lint.lint(T + "-- pgmigrate:ignore ban-drop-table, ban-drop-column\n" + DROP))
                .filteredOn(f -> f.rule() == Rule.UNUSED_SUPPRESSION).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("ban-drop-table").doesNotContain("ban-drop-column"));
        LintOptions tableRuleOff = LintOptions.defaults().withRules(java.util.Map.of("ban-drop-table", "off"));
        assertThat(Lint.rules(T + "-- pgmigrate:ignore ban-drop-table, ban-drop-column\n" + DROP, tableRuleOff))
                .doesNotContain(Rule.UNUSED_SUPPRESSION);
    }

    @Test
    void squawkIgnoreCommentsAreHonouredWithSquawksNames() {
        assertThat(Lint.rules(T + "-- squawk-ignore ban-drop-column\n" + DROP)).doesNotContain(Rule.BAN_DROP_COLUMN);
        assertThat(Lint.rules(T + "-- squawk-ignore prefer-timestamp-tz -- legacy\nCREATE TABLE t (at timestamp);"))
                .doesNotContain(Rule.PREFER_TIMESTAMPTZ);
        assertThat(Lint.rules("-- squawk-ignore require-timeout-settings\nALTER TABLE users ADD COLUMN a text;"))
                .doesNotContain(Rule.REQUIRE_LOCK_TIMEOUT, Rule.REQUIRE_STATEMENT_TIMEOUT);
        assertThat(Lint.rules(T + "-- squawk-ignore\n" + DROP)).contains(Rule.BAN_DROP_COLUMN);
    }

    @Test
    void squawkIgnoreFileSuppressesItsRulesEverywhereInTheFile() {
        String twoTables = "CREATE TABLE public.t (a char(1));\n\n-- squawk-ignore-file ban-char-field, prefer-timestamp-tz\n"
                + "CREATE TABLE public.u (b char(1), at timestamp);\n";
        // Squawk reads it wherever it stands: the table before the comment is covered too.
        assertThat(Lint.rules(T + twoTables)).doesNotContain(Rule.BAN_CHAR_FIELD, Rule.PREFER_TIMESTAMPTZ);
        assertThat(Lint.rules(T + "/* squawk-ignore-file ban-drop-column */\n" + DROP)).doesNotContain(Rule.BAN_DROP_COLUMN);
        assertThat(Lint.rules(T + "-- squawk-ignore-file\n" + DROP + "\nDROP TABLE public.t;")).isEmpty();
        // Only the named rules, and only in this form: a comment line inside a statement's text is not a file comment.
        assertThat(Lint.rules(T + "-- squawk-ignore-file ban-char-field\n" + DROP)).contains(Rule.BAN_DROP_COLUMN);
        assertThat(Lint.rules(T + "CREATE FUNCTION public.f() RETURNS void LANGUAGE plpgsql AS $$\nBEGIN\n"
                + "-- squawk-ignore-file\nEND $$;\n" + DROP)).contains(Rule.BAN_DROP_COLUMN);
        assertThat(Lint.rules(T + "-- squawk-ignore-files ban-drop-column\n" + DROP)).contains(Rule.BAN_DROP_COLUMN);
    }

    @Test
    void eugeneIgnoreMapsItsHintIdsToTheSameHazard() {
        assertThat(Lint.rules(T + "-- eugene: ignore E2\nALTER TABLE users ALTER COLUMN email SET NOT NULL;"))
                .doesNotContain(Rule.ADDING_NOT_NULLABLE_FIELD);
        assertThat(Lint.rules(T + "-- eugene: ignore E5, E4\n-- causes a rewrite, accepted here\n"
                + "ALTER TABLE prices ALTER price SET DATA TYPE bigint;")).doesNotContain(Rule.CHANGING_COLUMN_TYPE);
        assertThat(Lint.rules(T + "-- eugene: ignore E3\nALTER TABLE public.t ADD COLUMN IF NOT EXISTS d json;"))
                .doesNotContain(Rule.PREFER_JSONB);
        // A bare eugene: ignore covers every finding of the statement, as in eugene; other ids leave the rule on.
        assertThat(Lint.rules(T + "-- eugene: ignore\n" + DROP)).doesNotContain(Rule.BAN_DROP_COLUMN);
        assertThat(Lint.rules(T + "-- eugene: ignore E3\n" + DROP)).contains(Rule.BAN_DROP_COLUMN);
        // It belongs to the statement it is attached to, not to the next one.
        assertThat(Lint.rules(T + "-- eugene: ignore E2\nALTER TABLE users ALTER COLUMN a SET NOT NULL;\n"
                + "ALTER TABLE users ALTER COLUMN b SET NOT NULL;")).containsOnlyOnce(Rule.ADDING_NOT_NULLABLE_FIELD);
        assertThat(Suppressions.EUGENE_HINTS.values()).allSatisfy(ids -> assertThat(ids).allSatisfy(
                id -> assertThat(Rule.byId(id)).as(id).isPresent()));
    }

    @Test
    void rulesCanBeSwitchedOffOrChangeSeverity() throws Exception {
        LintOptions options = LintOptions.defaults().withRules(Map.of("ban-drop-column", "warning", "require-lock-timeout", "off"));
        assertThat(Lint.lint(DROP, options)).extracting(Finding::rule, Finding::severity)
                .contains(org.assertj.core.groups.Tuple.tuple(Rule.BAN_DROP_COLUMN, FindingSeverity.WARNING))
                .noneMatch(t -> t.toList().get(0) == Rule.REQUIRE_LOCK_TIMEOUT);
    }

    @Test
    void offByDefaultRulesCanBeEnabled() throws Exception {
        String sql = "CREATE TYPE mood AS ENUM ('sad', 'ok');";
        assertThat(Lint.rules(sql)).doesNotContain(Rule.AVOID_ENUM_TYPE);
        assertThat(Lint.rules(sql, LintOptions.defaults().withRules(Map.of("avoid-enum-type", "warning")))).contains(Rule.AVOID_ENUM_TYPE);
    }

    @Test
    void unknownRuleOrLevelInConfigurationIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LintOptions.defaults().withRules(Map.of("no-such-rule", "off")))
                .isInstanceOf(ConfigurationException.class).hasMessage("rules 'no-such-rule' is not a lint rule");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> LintOptions.defaults().withRules(Map.of("ban-drop-column", "fatal")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("rules 'ban-drop-column=fatal' does not end in one of error, warning, off");
    }
}
