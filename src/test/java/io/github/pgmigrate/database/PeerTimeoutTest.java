package io.github.pgmigrate.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.pgmigrate.config.ConnectionSettings;
import io.github.pgmigrate.config.Environment;
import io.github.pgmigrate.testing.TestDatabase;
import io.github.pgmigrate.testing.TestDatabases;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A server that accepts TCP and never answers fails the connection within the peer timeout, with a hint. */
class PeerTimeoutTest {

    private static DatabaseConnector connector(String url, String user, String password) throws Exception {
        return DatabaseConnector.of(ConnectionSettings.of(new Environment("t", url, user, password, null, null, null,
                Map.of(), true)));
    }

    @Test
    void aSilentServerFailsTheLoginInsteadOfHanging() throws Exception {
        List<Socket> accepted = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (Exception closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            DatabaseConnector connector = connector("jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/db",
                    "postgres", null).withPeerTimeout(Duration.ofSeconds(3));
            // Not a speed claim: without a login timeout this call never returns.
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThatThrownBy(connector::open)
                    .isInstanceOfSatisfying(DatabaseUnavailableException.class, e -> {
                        assertThat(e.getMessage()).contains("cannot connect to").contains("timed out");
                        assertThat(e.hint()).contains("did not answer within the peer timeout")
                                .contains("-Dpgmigrate.peerTimeout");
                    }));
        } finally {
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    @Test
    void theServerSideOfASessionWatchesItsClient() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        DatabaseConnector connector = connector(db.jdbcUrl(), db.user(), db.password())
                .withPeerTimeout(Duration.ofSeconds(30));
        try (Connection connection = connector.open(); ResultSet rs = connection.createStatement().executeQuery(
                "SELECT string_agg(name || '=' || setting || coalesce(unit, ''), ' ' ORDER BY name) FROM pg_settings"
                        + " WHERE name IN ('tcp_keepalives_idle', 'tcp_keepalives_count',"
                        + " 'client_connection_check_interval')")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("client_connection_check_interval=2500ms tcp_keepalives_count=3"
                    + " tcp_keepalives_idle=15s");
        }
    }
}
