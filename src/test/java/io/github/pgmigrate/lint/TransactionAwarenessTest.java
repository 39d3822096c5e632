package io.github.pgmigrate.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgmigrate.directory.TxMode;
import org.junit.jupiter.api.Test;

class TransactionAwarenessTest {
    private static final String NONE = "-- atlas:txmode none\n\nSET lock_timeout = '2s';\nSET statement_timeout = '5min';\n";

    @Test
    void concurrentIndexInAWrappedFileFailsEvenAlone() {
        assertThat(Lint.lint("CREATE INDEX CONCURRENTLY IF NOT EXISTS i ON users (email);"))
                .filteredOn(f -> f.rule() == Rule.NON_TRANSACTIONAL_STATEMENT_IN_TRANSACTION)
                .singleElement().satisfies(f -> assertThat(f.fix()).contains("atlas:txmode none"));
    }

    @Test
    void concurrentIndexInsideExplicitBeginFails() {
        String sql = NONE + "BEGIN;\nCREATE INDEX CONCURRENTLY IF NOT EXISTS i ON users (email);\nCOMMIT;";
        assertThat(Lint.lint(sql)).filteredOn(f -> f.rule() == Rule.NON_TRANSACTIONAL_STATEMENT_IN_TRANSACTION)
                .singleElement().satisfies(f -> assertThat(f.line()).isEqualTo(6));
    }

    @Test
    void directiveWithoutBlankLineIsNotAppliedAndSaysSo() {
        String sql = "-- atlas:txmode none\nCREATE INDEX CONCURRENTLY IF NOT EXISTS i ON users (email);";
        assertThat(Lint.rules(sql)).contains(Rule.DIRECTIVE_NOT_APPLIED, Rule.NON_TRANSACTIONAL_STATEMENT_IN_TRANSACTION);
    }

    @Test
    void configuredDefaultTxModeNoneAppliesToFilesWithoutDirective() {
        LintOptions none = LintOptions.defaults().withTxMode(TxMode.NONE);
        assertThat(Lint.rules("SET lock_timeout = '2s';\nCREATE INDEX CONCURRENTLY IF NOT EXISTS i ON users (email);", none))
                .doesNotContain(Rule.NON_TRANSACTIONAL_STATEMENT_IN_TRANSACTION);
    }

    @Test
    void nestedBeginAndStrayCommit() {
        assertThat(Lint.rules(NONE + "BEGIN;\nBEGIN;\nCOMMIT;")).contains(Rule.TRANSACTION_NESTING);
        assertThat(Lint.rules(NONE + "COMMIT;")).contains(Rule.TRANSACTION_NESTING);
        assertThat(Lint.rules(NONE + "BEGIN;\nSELECT 1;\nCOMMIT;\nBEGIN;\nSELECT 2;\nROLLBACK;")).doesNotContain(Rule.TRANSACTION_NESTING);
    }

    @Test
    void uncommittedBegin() {
        assertThat(Lint.lint(NONE + "BEGIN;\nALTER TABLE t ADD COLUMN IF NOT EXISTS a text;"))
                .filteredOn(f -> f.rule() == Rule.BAN_UNCOMMITTED_TRANSACTION).singleElement()
                .satisfies(f -> assertThat(f.line()).isEqualTo(5));
        assertThat(Lint.rules(NONE + "BEGIN;\nALTER TABLE t ADD COLUMN IF NOT EXISTS a text;\nCOMMIT;"))
                .doesNotContain(Rule.BAN_UNCOMMITTED_TRANSACTION);
    }

    @Test
    void validateInTheSameTransactionAsNotValidAdd() {
        String wrapped = "SET lock_timeout = '2s';\n"
                + "ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;\n"
                + "ALTER TABLE orders VALIDATE CONSTRAINT orders_user_fk;";
        assertThat(Lint.rules(wrapped)).contains(Rule.VALIDATE_CONSTRAINT_IN_SAME_TRANSACTION);
        String explicit = NONE + "BEGIN;\n"
                + "ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;\n"
                + "ALTER TABLE orders VALIDATE CONSTRAINT orders_user_fk;\nCOMMIT;";
        assertThat(Lint.rules(explicit)).contains(Rule.VALIDATE_CONSTRAINT_IN_SAME_TRANSACTION);
        String separate = NONE
                + "ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID;\n"
                + "ALTER TABLE orders VALIDATE CONSTRAINT orders_user_fk;";
        assertThat(Lint.rules(separate)).doesNotContain(Rule.VALIDATE_CONSTRAINT_IN_SAME_TRANSACTION);
        String otherTable = wrapped.replace("ALTER TABLE orders VALIDATE", "ALTER TABLE invoices VALIDATE");
        assertThat(Lint.rules(otherTable)).doesNotContain(Rule.VALIDATE_CONSTRAINT_IN_SAME_TRANSACTION);
    }

    @Test
    void mixingNonTransactionalAndOrdinaryStatements() {
        String mixed = NONE + "CREATE INDEX CONCURRENTLY IF NOT EXISTS i ON users (email);\nALTER TABLE users ADD COLUMN IF NOT EXISTS a text;";
        assertThat(Lint.lint(mixed)).filteredOn(f -> f.rule() == Rule.MIXED_TRANSACTIONAL_AND_NON_TRANSACTIONAL)
                .singleElement().satisfies(f -> assertThat(f.line()).isEqualTo(5));
        String pure = NONE + "CREATE INDEX CONCURRENTLY IF NOT EXISTS i ON users (email);\nCREATE INDEX CONCURRENTLY IF NOT EXISTS j ON users (name);";
        assertThat(Lint.rules(pure)).doesNotContain(Rule.MIXED_TRANSACTIONAL_AND_NON_TRANSACTIONAL);
    }

    @Test
    void newTableExemptionFollowsTheFileNotTheTransaction() {
        String sql = NONE + "CREATE TABLE IF NOT EXISTS audit (id bigint, at timestamptz);\n"
                + "CREATE INDEX IF NOT EXISTS audit_at ON audit (at);";
        assertThat(Lint.rules(sql)).doesNotContain(Rule.REQUIRE_CONCURRENT_INDEX_CREATION);
    }

    @Test
    void robustStatementsOnlyOutsideTransactions() {
        String bare = "ALTER TABLE users ADD COLUMN a text;";
        assertThat(Lint.rules(NONE + bare)).contains(Rule.PREFER_ROBUST_STMTS);
        assertThat(Lint.rules("SET lock_timeout = '2s';\n" + bare)).doesNotContain(Rule.PREFER_ROBUST_STMTS);
        assertThat(Lint.rules(NONE + "ALTER TABLE users DROP CONSTRAINT IF EXISTS c;\nALTER TABLE users ADD CONSTRAINT c CHECK (a <> '') NOT VALID;"))
                .doesNotContain(Rule.PREFER_ROBUST_STMTS);
    }

    @Test
    void lockTimeoutIsRequiredOnlyForStatementsThatLockExistingObjects() {
        assertThat(Lint.rules("CREATE TABLE t (id bigint);\nCREATE INDEX t_id ON t (id);"))
                .doesNotContain(Rule.REQUIRE_LOCK_TIMEOUT, Rule.REQUIRE_STATEMENT_TIMEOUT);
        assertThat(Lint.lint("CREATE TABLE t (id bigint);\nALTER TABLE users ADD COLUMN a text;\nALTER TABLE users ADD COLUMN b text;"))
                .filteredOn(f -> f.rule() == Rule.REQUIRE_LOCK_TIMEOUT).singleElement()
                .satisfies(f -> assertThat(f.line()).isEqualTo(2));
        assertThat(Lint.rules("CREATE TABLE t (id bigint REFERENCES users (id));")).contains(Rule.REQUIRE_LOCK_TIMEOUT);
    }

    @Test
    void setLocalOutsideATransactionDoesNotCount() {
        String sql = "-- atlas:txmode none\n\nSET LOCAL lock_timeout = '2s';\nALTER TABLE users ADD COLUMN IF NOT EXISTS a text;";
        assertThat(Lint.rules(sql)).contains(Rule.REQUIRE_LOCK_TIMEOUT);
        assertThat(Lint.rules("SET LOCAL lock_timeout = '2s';\nALTER TABLE users ADD COLUMN a text;")).doesNotContain(Rule.REQUIRE_LOCK_TIMEOUT);
    }
}
