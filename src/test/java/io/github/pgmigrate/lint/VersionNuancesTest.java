package io.github.pgmigrate.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VersionNuancesTest {
    private static final String T = "SET lock_timeout = '2s';\nSET statement_timeout = '5min';\n";

    @Test
    void constantDefaultRewritesBefore11Only() {
        String sql = T + "ALTER TABLE users ADD COLUMN active boolean DEFAULT true;";
        assertThat(Lint.rules(sql, Lint.pg("10"))).contains(Rule.ADDING_FIELD_WITH_DEFAULT);
        assertThat(Lint.rules(sql, Lint.pg("11"))).doesNotContain(Rule.ADDING_FIELD_WITH_DEFAULT);
        assertThat(Lint.rules(sql, Lint.pg("9.6"))).contains(Rule.ADDING_FIELD_WITH_DEFAULT);
    }

    @Test
    void nullDefaultNeverRewrites() {
        assertThat(Lint.rules(T + "ALTER TABLE users ADD COLUMN note text DEFAULT NULL;", Lint.pg("10")))
                .doesNotContain(Rule.ADDING_FIELD_WITH_DEFAULT);
    }

    @Test
    void setNotNullIsScanFreeAfterValidatedCheckFrom12() {
        String sql = "-- atlas:txmode none\n\n" + T
                + "ALTER TABLE users ADD CONSTRAINT users_email_nn CHECK (email IS NOT NULL) NOT VALID;\n"
                + "ALTER TABLE users VALIDATE CONSTRAINT users_email_nn;\n"
                + "ALTER TABLE users ALTER COLUMN email SET NOT NULL;";
        assertThat(Lint.rules(sql, Lint.pg("12"))).doesNotContain(Rule.ADDING_NOT_NULLABLE_FIELD);
        assertThat(Lint.rules(sql, Lint.pg("11"))).contains(Rule.ADDING_NOT_NULLABLE_FIELD);
    }

    @Test
    void checkOnAnotherColumnDoesNotProveNotNull() {
        String sql = "-- atlas:txmode none\n\n" + T
                + "ALTER TABLE users ADD CONSTRAINT users_name_nn CHECK (name IS NOT NULL) NOT VALID;\n"
                + "ALTER TABLE users VALIDATE CONSTRAINT users_name_nn;\n"
                + "ALTER TABLE users ALTER COLUMN email SET NOT NULL;";
        assertThat(Lint.rules(sql)).contains(Rule.ADDING_NOT_NULLABLE_FIELD);
    }

    @Test
    void generatedColumnWithoutKeywordIsVirtualFrom18() {
        String sql = T + "ALTER TABLE users ADD COLUMN d bigint GENERATED ALWAYS AS (a * 2);";
        assertThat(Lint.rules(sql, Lint.pg("17"))).contains(Rule.ADDING_GENERATED_STORED_COLUMN);
        assertThat(Lint.rules(sql, Lint.pg("18"))).doesNotContain(Rule.ADDING_GENERATED_STORED_COLUMN);
    }

    @Test
    void detachPartitionIsAnErrorOnlyWhenConcurrentDetachExists() {
        String sql = T + "ALTER TABLE m DETACH PARTITION m_2020;";
        assertThat(Lint.lint(sql, Lint.pg("14"))).filteredOn(f -> f.rule() == Rule.REQUIRE_CONCURRENT_PARTITION_DETACH)
                .extracting(Finding::severity).containsExactly(FindingSeverity.ERROR);
        assertThat(Lint.lint(sql, Lint.pg("13"))).filteredOn(f -> f.rule() == Rule.REQUIRE_CONCURRENT_PARTITION_DETACH)
                .extracting(Finding::severity).containsExactly(FindingSeverity.WARNING);
    }

    @Test
    void pg14ConcurrentIndexCorruptionWindow() {
        String sql = "-- atlas:txmode none\n\n" + T + "CREATE INDEX CONCURRENTLY IF NOT EXISTS i ON users (email);";
        assertThat(Lint.rules(sql, Lint.pg("14.3"))).contains(Rule.PG14_CONCURRENT_INDEX_CORRUPTION);
        assertThat(Lint.rules(sql, Lint.pg("14.4"))).doesNotContain(Rule.PG14_CONCURRENT_INDEX_CORRUPTION);
        assertThat(Lint.rules(sql, Lint.pg("14"))).doesNotContain(Rule.PG14_CONCURRENT_INDEX_CORRUPTION);
        assertThat(Lint.rules(sql, Lint.pg("13.2"))).doesNotContain(Rule.PG14_CONCURRENT_INDEX_CORRUPTION);
    }

    @Test
    void enumAddValueInTransactionFailsBefore12() {
        String sql = T + "ALTER TYPE mood ADD VALUE 'ok' AFTER 'sad';";
        assertThat(Lint.lint(sql, Lint.pg("11"))).filteredOn(f -> f.rule() == Rule.ENUM_ADD_VALUE_IN_TRANSACTION)
                .extracting(Finding::severity).containsExactly(FindingSeverity.ERROR);
        assertThat(Lint.rules(sql, Lint.pg("12"))).doesNotContain(Rule.ENUM_ADD_VALUE_IN_TRANSACTION);
    }

    @Test
    void enumCreatedInSameTransactionMayGetValuesBefore12() {
        String sql = T + "CREATE TYPE mood AS ENUM ('sad');\nALTER TYPE mood ADD VALUE 'ok' AFTER 'sad';";
        assertThat(Lint.rules(sql, Lint.pg("11"))).doesNotContain(Rule.ENUM_ADD_VALUE_IN_TRANSACTION);
    }

    @Test
    void newEnumValueUsedInSameTransactionFrom12() {
        String sql = T + "ALTER TYPE mood ADD VALUE 'ok' AFTER 'sad';\nUPDATE people SET mood = 'ok' WHERE mood = 'sad';";
        assertThat(Lint.lint(sql)).filteredOn(f -> f.rule() == Rule.ENUM_ADD_VALUE_IN_TRANSACTION)
                .extracting(Finding::severity, Finding::line).containsExactly(org.assertj.core.groups.Tuple.tuple(FindingSeverity.WARNING, 4));
        String separate = "-- atlas:txmode none\n\n" + T + "ALTER TYPE mood ADD VALUE 'ok' AFTER 'sad';\nUPDATE people SET mood = 'ok' WHERE mood = 'sad';";
        assertThat(Lint.rules(separate)).doesNotContain(Rule.ENUM_ADD_VALUE_IN_TRANSACTION);
    }

    @Test
    void setAccessMethodExistsFrom15() {
        String sql = T + "ALTER TABLE events SET ACCESS METHOD heap2;";
        assertThat(Lint.rules(sql, Lint.pg("15"))).contains(Rule.SET_ACCESS_METHOD);
        assertThat(Lint.rules(sql, Lint.pg("14"))).doesNotContain(Rule.SET_ACCESS_METHOD);
    }

    @Test
    void reindexFixDependsOnVersion() {
        String sql = T + "REINDEX INDEX i;";
        assertThat(Lint.lint(sql, Lint.pg("11")).get(0).fix()).contains("upgrade to PostgreSQL 12+");
        assertThat(Lint.lint(sql, Lint.pg("16")).get(0).fix()).contains("REINDEX … CONCURRENTLY");
    }

    @Test
    void versionsParseNumerically() throws Exception {
        assertThat(PgVersion.parse("11").atLeast(11)).isTrue();
        assertThat(PgVersion.parse("9.6").atLeast(10)).isFalse();
        assertThat(PgVersion.parse("14.3")).isEqualTo(new PgVersion(14, 3));
        assertThatThrownBy(() -> PgVersion.parse("seventeen")).hasMessage("pgVersion 'seventeen' is not a PostgreSQL version");
    }
}
