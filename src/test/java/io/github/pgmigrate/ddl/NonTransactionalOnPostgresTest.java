package io.github.pgmigrate.ddl;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgmigrate.testing.TestDatabase;
import io.github.pgmigrate.testing.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * PostgreSQL itself is the oracle for the classifier: inside BEGIN, every form it calls non-transactional fails with
 * SQLSTATE 25001 ("cannot run inside a transaction block") and every other form fails, if at all, for another reason.
 * The forms are those of {@link ApplyAndLintAgreeTest} for the servers the tests run (13 and later).
 */
class NonTransactionalOnPostgresTest {
    private static final String ACTIVE_SQL_TRANSACTION = "25001";
    private static TestDatabase db;

    @BeforeAll
    static void objectsTheFormsName() throws SQLException {
        db = TestDatabases.createDatabase();
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (c int); CREATE INDEX i ON t (c);"
                    + " CREATE TABLE m (id int) PARTITION BY RANGE (id);"
                    + " CREATE TABLE m_2020 PARTITION OF m FOR VALUES FROM (1) TO (10);"
                    + " CREATE TYPE mood AS ENUM ('sad')");
            // A subscription that never connects; enabled, because PostgreSQL refuses to refresh a disabled one first.
            statement.execute("CREATE SUBSCRIPTION s CONNECTION 'host=127.0.0.1 port=1 dbname=none' PUBLICATION p"
                    + " WITH (connect = false)");
            statement.execute("ALTER SUBSCRIPTION s ENABLE");
        }
    }

    @AfterAll
    static void dropTheSubscription() throws SQLException {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            statement.execute("ALTER SUBSCRIPTION s DISABLE");
            statement.execute("ALTER SUBSCRIPTION s SET (slot_name = NONE)");
            statement.execute("DROP SUBSCRIPTION s");
        }
    }

    static Stream<Arguments> formsOnTheTestServers() {
        return ApplyAndLintAgreeTest.forms().filter(arguments -> (int) arguments.get()[0] >= 13);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("formsOnTheTestServers")
    void postgresRefusesExactlyTheClassifiedForms(int major, String sql, Optional<String> command) throws SQLException {
        String state = null;
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                state = e.getSQLState();
            } finally {
                connection.rollback();
            }
        }

        if (command.isPresent()) {
            assertThat(state).as(sql).isEqualTo(ACTIVE_SQL_TRANSACTION);
        } else {
            assertThat(state).as(sql).isNotEqualTo(ACTIVE_SQL_TRANSACTION);
        }
    }
}
