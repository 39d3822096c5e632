package io.github.pgmigrate.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgmigrate.sql.SourceText;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Findings sit on the element that causes them. Each case marks the offending elements with {@code «…»}; the rule
 * must fire exactly once per marked element, starting and ending where the marks are (end column exclusive).
 */
class FindingPositionTest {
    private static final String T = "SET lock_timeout = '2s';\nSET statement_timeout = '5min';\n";

    static Stream<Arguments> elements() {
        return Stream.of(
                Arguments.of(Rule.BAN_CHAR_FIELD, "CREATE TABLE app.t (\n  a «char(1)»,\n  b «character(2)» NOT NULL\n);"),
                Arguments.of(Rule.PREFER_BIGINT_OVER_INT, "CREATE TABLE app.t (id «integer», n «int4», m bigint);"),
                Arguments.of(Rule.PREFER_TEXT_FIELD, "CREATE TABLE app.t (\n  name «varchar(40)»\n    NOT NULL,\n  code «character\n    varying(3)»\n);"),
                Arguments.of(Rule.PREFER_TIMESTAMPTZ, "ALTER TABLE app.t\n  ADD COLUMN at «timestamp without time zone»;"),
                Arguments.of(Rule.PREFER_JSONB, "ALTER TABLE app.t ADD COLUMN doc «json», ADD COLUMN d2 «json»;"),
                Arguments.of(Rule.PREFER_IDENTITY, "CREATE TABLE app.t (id «bigserial» PRIMARY KEY);"),
                Arguments.of(Rule.ADDING_REQUIRED_FIELD, "ALTER TABLE app.t\n  «ADD COLUMN a text NOT NULL»,\n  «ADD b text NOT NULL»;"),
                Arguments.of(Rule.ADDING_FIELD_WITH_DEFAULT, "ALTER TABLE app.t «ADD COLUMN token uuid DEFAULT gen_random_uuid()»;"),
                Arguments.of(Rule.ADDING_AUTO_INCREMENT_COLUMN, "ALTER TABLE app.t «ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY»;"),
                Arguments.of(Rule.ADDING_NOT_NULLABLE_FIELD, "ALTER TABLE app.t\n  «ALTER COLUMN a SET NOT NULL»,\n  «ALTER b SET NOT NULL»;"),
                Arguments.of(Rule.CHANGING_COLUMN_TYPE, "ALTER TABLE app.t «ALTER COLUMN age TYPE bigint»,\n  «ALTER COLUMN n SET DATA TYPE text USING n::text»;"),
                Arguments.of(Rule.CONSTRAINT_MISSING_NOT_VALID, "ALTER TABLE app.t\n  ADD «CONSTRAINT age_positive\n    CHECK (age > 0)»;"),
                Arguments.of(Rule.ADDING_FOREIGN_KEY_CONSTRAINT, "ALTER TABLE app.orders ADD «CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES app.users (id)»;"),
                Arguments.of(Rule.DISALLOWED_UNIQUE_CONSTRAINT, "ALTER TABLE app.t ADD «UNIQUE (email)», ADD «CONSTRAINT u2 UNIQUE (handle)»;"),
                Arguments.of(Rule.ADDING_PRIMARY_KEY_CONSTRAINT, "ALTER TABLE app.t ADD «PRIMARY KEY (id)»;"),
                Arguments.of(Rule.ADDING_EXCLUSION_CONSTRAINT, "ALTER TABLE app.t ADD «CONSTRAINT no_overlap EXCLUDE USING gist (r WITH &&)»;"),
                Arguments.of(Rule.BAN_DROP_COLUMN, "ALTER TABLE app.t «DROP COLUMN a»,\n    «DROP COLUMN IF EXISTS b CASCADE»;"),
                Arguments.of(Rule.BAN_DROP_NOT_NULL, "ALTER TABLE app.t «ALTER COLUMN a DROP NOT NULL»;"),
                Arguments.of(Rule.RENAMING_COLUMN, "ALTER TABLE app.t «RENAME COLUMN a TO b»;"),
                Arguments.of(Rule.RENAMING_TABLE, "ALTER TABLE app.t «RENAME TO u»;"),
                Arguments.of(Rule.SET_LOGGED_UNLOGGED, "ALTER TABLE app.t «SET UNLOGGED»;"),
                Arguments.of(Rule.REPLICA_IDENTITY_CHANGE, "ALTER TABLE app.t «REPLICA IDENTITY FULL»;"),
                Arguments.of(Rule.BAN_DUPLICATE_COLUMN_ASSIGNMENTS, "CREATE TABLE app.t (\n  a bigint,\n  «\"a\" text NOT NULL»);"),
                Arguments.of(Rule.IDENTIFIER_TOO_LONG, "CREATE TABLE app.t (\n  «a_column_name_that_is_much_longer_than_the_sixty_three_bytes_postgres_keeps» text);"),
                // A rule about the whole statement covers the statement, from its first character to its last.
                Arguments.of(Rule.REQUIRE_CONCURRENT_INDEX_CREATION, "«CREATE INDEX i\n  ON app.t (a);»"),
                Arguments.of(Rule.BAN_DROP_TABLE, "«DROP TABLE app.t;»"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("elements")
    void findingCoversTheMarkedElement(Rule rule, String marked) {
        String sql = T + marked.replace("«", "").replace("»", "");
        List<SourceRegion> expected = marks(T + marked);
        List<SourceRegion> actual = Lint.lint(sql).stream().filter(f -> f.rule() == rule)
                .map(f -> new SourceRegion(f.line(), f.column(), f.endLine(), f.endColumn())).toList();
        assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void oneFindingPerOffendingColumnOnItsOwnLine() {
        List<Finding> findings = Lint.lint("CREATE TABLE public.t (a char(1),\n  b char(2));");
        assertThat(findings).filteredOn(f -> f.rule() == Rule.BAN_CHAR_FIELD)
                .extracting(Finding::line, Finding::column, Finding::endColumn)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 26, 33), org.assertj.core.groups.Tuple.tuple(2, 5, 12));
        assertThat(findings.get(0).logLine()).startsWith("migrations/20240101000000_test.sql:1:");
    }

    @Test
    void statementSuppressionCoversEveryElementOfTheStatement() {
        assertThat(Lint.rules("-- squawk-ignore ban-char-field\nCREATE TABLE public.t (\n  a char(1),\n  b char(2));"))
                .doesNotContain(Rule.BAN_CHAR_FIELD);
        assertThat(Lint.rules("-- pgmigrate:ignore ban-char-field\nCREATE TABLE public.t (\n  a char(1),\n  b char(2));"))
                .doesNotContain(Rule.BAN_CHAR_FIELD, Rule.UNUSED_SUPPRESSION);
    }

    /** The regions between «» marks, in the text with the marks removed. */
    private static List<SourceRegion> marks(String marked) {
        String plain = marked.replace("«", "").replace("»", "");
        SourceText source = new SourceText(plain);
        List<SourceRegion> regions = new ArrayList<>();
        int removed = 0;
        int start = -1;
        for (int i = 0; i < marked.length(); i++) {
            char ch = marked.charAt(i);
            if (ch == '«') {
                start = i - removed++;
            } else if (ch == '»') {
                int end = i - removed++;
                SourceText.Position from = source.positionOf(start);
                SourceText.Position to = source.positionOf(end - 1);
                regions.add(new SourceRegion(from.line(), from.column(), to.line(), to.column() + 1));
            }
        }
        return regions;
    }
}
