package io.github.pgmigrate.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pgmigrate.config.ConnectionSettings;
import io.github.pgmigrate.config.Environment;
import io.github.pgmigrate.testing.TestDatabase;
import io.github.pgmigrate.testing.TestDatabases;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A connection opened ahead is the one the next open() returns, is closed when nobody takes it, and fails alike. */
class ConnectionAheadTest {

    @Test
    void theNextOpenTakesTheConnectionOpenedAhead() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        DatabaseConnector connector = DatabaseConnector.of(ConnectionSettings.of(db.environment()));
        try (ConnectionAhead ahead = connector.connectAhead()) {
            int aheadPid = waitForSessions(db, 1).pid;
            try (Connection taken = connector.open(); Connection second = connector.open()) {
                assertThat(pid(taken)).as("the connection opened ahead").isEqualTo(aheadPid);
                assertThat(pid(second)).as("a later open() connects anew").isNotEqualTo(aheadPid);
                assertThat(taken.getAutoCommit()).isTrue();
            }
        }
        assertThat(waitForSessions(db, 0).count).isZero();
    }

    @Test
    void aConnectionNobodyTookIsClosedWithTheGoal() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        DatabaseConnector connector = DatabaseConnector.of(ConnectionSettings.of(db.environment()));
        try (ConnectionAhead ahead = connector.connectAhead()) {
            assertThat(waitForSessions(db, 1).count).isEqualTo(1);
        }
        assertThat(waitForSessions(db, 0).count).as("closed, not left to the end of the JVM").isZero();
    }

    @Test
    void aFailureAheadIsTheFailureOfTheOpenThatTakesIt() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        DatabaseConnector connector = DatabaseConnector.of(ConnectionSettings.of(new Environment("t", "jdbc:postgresql://127.0.0.1:" + closedPort + "/db", "postgres", "s3cret", null,
                null, null, Map.of(), true)));
        String direct = messageOf(connector);
        try (ConnectionAhead ahead = connector.connectAhead()) {
            assertThatThrownBy(connector::open).isInstanceOfSatisfying(DatabaseUnavailableException.class, e -> {
                assertThat(e.getMessage()).isEqualTo(direct).doesNotContain("s3cret");
                assertThat(e.hint()).isNotBlank();
            });
        }
    }

    private static String messageOf(DatabaseConnector connector) {
        try (Connection ignored = connector.open()) {
            throw new AssertionError("nothing listens on the port");
        } catch (DatabaseUnavailableException e) {
            return e.getMessage();
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static int pid(Connection connection) throws SQLException {
        try (ResultSet rs = connection.createStatement().executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private record Sessions(int count, int pid) {
    }

    /** pgmigrate's sessions on the database, polled until there are {@code expected} of them (or 30 s passed). */
    private static Sessions waitForSessions(TestDatabase db, int expected) throws Exception {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
        try (Connection observer = db.connect()) {
            while (true) {
                try (ResultSet rs = observer.createStatement().executeQuery("SELECT count(*), min(pid) FROM"
                        + " pg_stat_activity WHERE datname = current_database() AND application_name = 'pgmigrate'")) {
                    rs.next();
                    Sessions sessions = new Sessions(rs.getInt(1), rs.getInt(2));
                    if (sessions.count() == expected || Instant.now().isAfter(giveUp)) {
                        return sessions;
                    }
                }
                Thread.sleep(20);
            }
        }
    }
}
