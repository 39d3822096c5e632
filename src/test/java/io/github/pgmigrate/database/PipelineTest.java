package io.github.pgmigrate.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgmigrate.testing.TestDatabases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineTest {

    @Test
    void runsStatementsInOrderAndReturnsRows() throws Exception {
        try (Connection connection = TestDatabases.createDatabase().connect()) {
            Pipeline.Outcome outcome = Pipeline.run(connection, List.of(
                    "CREATE TABLE t (id int, doc jsonb);",
                    "INSERT INTO t VALUES (1, '{\"a\": 1}'), (2, '{}');",
                    "SELECT id FROM t WHERE doc ? 'a';",
                    "SELECT set_config('application_name', 'x', false);"));
            assertThat(outcome.succeeded()).isTrue();
            assertThat(outcome.completed()).isEqualTo(4);
            assertThat(outcome.rows()).containsExactly(List.of("1"), List.of("x"));
        }
    }

    @Test
    void pinpointsTheFailingStatementAndSkipsTheRest() throws Exception {
        try (Connection connection = TestDatabases.createDatabase().connect()) {
            Pipeline.Outcome outcome = Pipeline.run(connection, List.of(
                    "BEGIN;",
                    "CREATE TABLE a (id int);",
                    "SELECT 1;",
                    "CREATE TABLE a (id int);",
                    "CREATE TABLE b (id int);",
                    "COMMIT;"));
            assertThat(outcome.completed()).isEqualTo(3);
            assertThat(outcome.failure().getSQLState()).isEqualTo("42P07");
            Pipeline.run(connection, List.of("ROLLBACK"));
            try (ResultSet rs = connection.createStatement().executeQuery(
                    "SELECT count(*) FROM pg_tables WHERE tablename IN ('a', 'b')")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        }
    }

    @Test
    void explicitTransactionCommitsInsideOnePipeline() throws Exception {
        try (Connection connection = TestDatabases.createDatabase().connect()) {
            Pipeline.Outcome outcome = Pipeline.run(connection, List.of(
                    "BEGIN", "SET LOCAL lock_timeout = '1s'", "CREATE TABLE c (id int)", "COMMIT"));
            assertThat(outcome.succeeded()).isTrue();
            try (ResultSet rs = connection.createStatement().executeQuery(
                    "SELECT count(*) FROM pg_tables WHERE tablename = 'c'")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
            assertThat(connection.getAutoCommit()).isTrue();
        }
    }

    @Test
    void concurrentIndexRunsAloneInItsPipeline() throws Exception {
        try (Connection connection = TestDatabases.createDatabase().connect()) {
            Pipeline.run(connection, List.of("CREATE TABLE d (id int)"));
            Pipeline.Outcome outcome = Pipeline.run(connection, List.of("CREATE INDEX CONCURRENTLY d_id ON d (id);"));
            assertThat(outcome.succeeded()).as("%s", outcome.failure()).isTrue();
        }
    }
}
