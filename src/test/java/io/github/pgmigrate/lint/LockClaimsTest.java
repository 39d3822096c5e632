package io.github.pgmigrate.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgmigrate.testing.TestDatabase;
import io.github.pgmigrate.testing.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lock claims lint makes about policies, triggers and foreign keys, checked once in {@code pg_locks}: the
 * statement runs in a transaction on a real server, and the lock it holds on the existing table is read back before
 * the rollback. Lint must then see the statement as locking that table (require-lock-timeout names it).
 */
class LockClaimsTest {
    private static final String SETUP = "CREATE TABLE accounts (id bigint PRIMARY KEY, owner text);"
            + "CREATE POLICY owner_only ON accounts USING (owner = current_user);"
            + "CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;"
            + "CREATE TRIGGER accounts_touch BEFORE UPDATE ON accounts FOR EACH ROW EXECUTE FUNCTION touch();";
    private static TestDatabase db;

    @BeforeAll
    static void createTables() throws Exception {
        db = TestDatabases.createDatabase();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(SETUP);
        }
    }

    static Stream<Arguments> statements() {
        return Stream.of(
                Arguments.of("CREATE POLICY readers ON accounts FOR SELECT USING (true);", "AccessExclusiveLock"),
                Arguments.of("ALTER POLICY owner_only ON accounts USING (owner = session_user);", "AccessExclusiveLock"),
                Arguments.of("DROP POLICY owner_only ON accounts;", "AccessExclusiveLock"),
                Arguments.of("DROP POLICY IF EXISTS owner_only ON public.accounts;", "AccessExclusiveLock"),
                Arguments.of("DROP TRIGGER accounts_touch ON accounts;", "AccessExclusiveLock"),
                Arguments.of("CREATE TABLE orders (id bigint, account bigint);\n"
                        + "ALTER TABLE orders ADD CONSTRAINT orders_account_fk FOREIGN KEY (account)"
                        + " REFERENCES accounts (id);", "ShareRowExclusiveLock"));
    }

    @ParameterizedTest
    @MethodSource("statements")
    void locksTheExistingTableAndLintSaysSo(String sql, String mode) throws Exception {
        assertThat(locksOnAccounts(sql)).contains(mode);

        assertThat(Lint.lint(sql)).filteredOn(f -> f.rule() == Rule.REQUIRE_LOCK_TIMEOUT)
                .singleElement().satisfies(f -> assertThat(f.message()).contains("accounts"));
    }

    @Test
    void aForeignKeyBetweenTablesOfTheSameFileLocksNothingExisting() {
        assertThat(Lint.rules("CREATE TABLE a (id bigint PRIMARY KEY);\nCREATE TABLE b (a bigint);\n"
                + "ALTER TABLE b ADD CONSTRAINT b_a_fk FOREIGN KEY (a) REFERENCES a (id);"))
                .doesNotContain(Rule.REQUIRE_LOCK_TIMEOUT);
    }

    private static List<String> locksOnAccounts(String sql) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute(sql);
            List<String> modes = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT mode FROM pg_locks WHERE pid = pg_backend_pid()"
                    + " AND locktype = 'relation' AND relation = 'accounts'::regclass AND granted")) {
                while (rs.next()) {
                    modes.add(rs.getString(1));
                }
            }
            c.rollback();
            return modes;
        }
    }
}
