package io.github.pgmigrate.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgmigrate.config.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule has a documentation page listed in the index, and the page's examples are true: the "Bad" SQL makes the
 * rule fire and the "Safe" SQL does not (rules that are off by default are switched on for this).
 */
class RuleDocsTest {
    private static final Path DOCS = Path.of("docs/lint");
    /** Rules whose finding comes from git history, not from a file's SQL. */
    private static final Set<Rule> NOT_FROM_SQL = Set.of(Rule.EDITED_COMMITTED_MIGRATION);

    static Stream<Rule> rules() {
        return Arrays.stream(Rule.values());
    }

    @Test
    void indexListsEveryRule() throws Exception {
        String index = Files.readString(DOCS.resolve("index.md"));
        for (Rule rule : Rule.values()) {
            assertThat(index).as(rule.id()).contains("[`" + rule.id() + "`](" + rule.id() + ".md)");
        }
    }

    @Test
    void readmeStatesTheRuleCount() throws Exception {
        long meta = Arrays.stream(Rule.values()).filter(Rule::isMeta).count();
        String readme = Files.readString(Path.of("README.md"));
        assertThat(readme).contains(" " + (Rule.values().length - meta) + " PostgreSQL migration rules (")
                .contains(" plus " + meta + " meta rules (");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void examplesAreTrue(Rule rule) throws Exception {
        String page = Files.readString(DOCS.resolve(rule.id() + ".md"));
        assertThat(page).startsWith("# `" + rule.id() + "`").contains("## Bad").contains("## Safe").contains("## Lock and rewrite");
        if (NOT_FROM_SQL.contains(rule) || MeasuredFindings.isMeasured(rule)) { // LintReplayTest checks those
            return;
        }
        String bad = sqlAfter(page, "## Bad");
        String safe = sqlAfter(page, "## Safe");
        LintOptions options = optionsFor(bad);
        assertThat(lintFiles(bad, options)).as("bad example of " + rule.id()).contains(rule);
        assertThat(lintFiles(safe, options)).as("safe example of " + rule.id()).doesNotContain(rule);
    }

    /** An example may show several migration files, separated by a line starting with "-- next migration file". */
    private static java.util.List<Rule> lintFiles(String sql, LintOptions options) {
        java.util.List<Rule> rules = new java.util.ArrayList<>();
        for (String file : sql.split("(?m)^-- next migration file.*\n")) {
            rules.addAll(Lint.rules(file, options));
        }
        return rules;
    }

    private static LintOptions optionsFor(String sql) throws ConfigurationException {
        Map<Rule, RuleSetting> off = new EnumMap<>(Rule.class);
        LintOptions options = LintOptions.defaults();
        for (Rule r : Rule.values()) {
            if (r.defaultSetting() == RuleSetting.OFF) {
                options = options.withRule(r, RuleSetting.WARNING);
            }
        }
        int version = sql.indexOf("<pgVersion>");
        if (version >= 0) {
            options = options.withPgVersion(PgVersion.parse(sql.substring(version + 11, sql.indexOf("</pgVersion>"))));
        }
        return options;
    }

    private static String sqlAfter(String page, String heading) {
        int start = page.indexOf("```sql\n", page.indexOf(heading)) + 7;
        return page.substring(start, page.indexOf("\n```", start)) + "\n";
    }
}
