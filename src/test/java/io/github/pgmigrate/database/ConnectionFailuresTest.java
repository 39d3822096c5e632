package io.github.pgmigrate.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pgmigrate.config.ConnectionSettings;
import io.github.pgmigrate.config.ConnectionTarget;
import io.github.pgmigrate.config.Environment;
import io.github.pgmigrate.testing.TestDatabase;
import io.github.pgmigrate.testing.TestDatabases;
import java.net.InetAddress;
import java.net.NoRouteToHostException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.postgresql.util.ServerErrorMessage;

/**
 * The connection rows of the Supabase error table: each failure gives one message naming cause and fix. Failures
 * that cannot happen on loopback (an IPv6-only host, a server that requires SSL, Supavisor's and PgBouncer's limits)
 * are fed to the classifier as the exception pgjdbc throws for them; the others are produced.
 */
class ConnectionFailuresTest {

    private static ConnectionTarget target(String url) throws Exception {
        return ConnectionSettings.of(new Environment("supabase", url, "postgres", "s3cret-pw", null, null, null,
                Map.of(), true)).target();
    }

    @Test
    void connectionRefusedOnTheTransactionPoolerPortSaysWhichPortSupabaseUsesForWhat() throws Exception {
        try (ServerSocket probe = new ServerSocket(6543, 1, InetAddress.getLoopbackAddress())) {
            assertThat(probe.isBound()).as("port 6543 on loopback must be free for this test").isTrue();
        }
        DatabaseConnector connector = DatabaseConnector.of(ConnectionSettings.of(new Environment("supabase",
                "jdbc:postgresql://127.0.0.1:6543/postgres", "postgres", "s3cret-pw", null, null, null, Map.of(),
                true)));
        assertThatThrownBy(connector::open).isInstanceOfSatisfying(DatabaseUnavailableException.class, e -> {
            assertThat(e.getMessage()).startsWith("cannot connect to").contains("127.0.0.1:6543")
                    .doesNotContain("s3cret-pw");
            assertThat(e.hint()).contains("nothing accepts connections at 127.0.0.1:6543")
                    .contains("5432 for the direct connection (db.<ref>.supabase.co")
                    .contains("on 6543 for the transaction pooler only");
        });
    }

    @Test
    void tooManyConnectionsIsProducedByAConnectionLimitAndExplained() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        String role = "limited_" + db.name();
        try (Connection admin = db.connect(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'pw' CONNECTION LIMIT 1");
        }
        DatabaseConnector connector = DatabaseConnector.of(ConnectionSettings.of(new Environment("test",
                db.jdbcUrl(), role, "pw", null, null, null, Map.of(), true)));
        try (Connection first = connector.open()) {
            assertThat(first.isValid(5)).isTrue();
            assertThatThrownBy(connector::open).isInstanceOfSatisfying(DatabaseUnavailableException.class, e -> {
                assertThat(e.getMessage()).contains("too many connections for role").contains("SQLSTATE 53300");
                assertThat(e.hint()).startsWith("the server or pooler has no free connection slot")
                        .contains("pgmigrate needs one connection");
            });
        }
    }

    @Test
    void fedSupavisorAndPgBouncerClientLimitsGetTheSameExplanation() throws Exception {
        ConnectionTarget pooler = target("postgres://postgres.abcdefghijklmnopqrst:pw@aws-0-eu-central-1.pooler"
                + ".supabase.com:5432/postgres");
        PSQLException supavisor = new PSQLException(new ServerErrorMessage("SFATAL\0VFATAL\0CXX000\0M(EMAXCONNSESSION)"
                + " max clients reached in session mode - max clients are limited to pool_size: 15\0"));
        assertThat(ConnectionFailures.explain(supavisor, pooler, s -> s).hint())
                .startsWith("the server or pooler has no free connection slot");
        PSQLException pgbouncer = new PSQLException(new ServerErrorMessage("SFATAL\0VFATAL\0C08P01\0Mno more"
                + " connections allowed (max_client_conn)\0"));
        assertThat(ConnectionFailures.explain(pgbouncer, pooler, s -> s).hint())
                .startsWith("the server or pooler has no free connection slot");
    }

    @Test
    void fedSslRequiredFromSupavisorAndFromPgHbaNamesSslmodeRequire() throws Exception {
        ConnectionTarget pooler = target("postgres://postgres.abcdefghijklmnopqrst:pw@aws-0-eu-central-1.pooler"
                + ".supabase.com:6543/postgres?sslmode=disable");
        PSQLException supavisor = new PSQLException(new ServerErrorMessage("SFATAL\0VFATAL\0CXX000\0M(ESSLREQUIRED)"
                + " SSL connection is required for user: postgres.abcdefghijklmnopqrst\0"));
        assertThat(ConnectionFailures.explain(supavisor, pooler, s -> s).hint())
                .startsWith("the server accepts encrypted connections only").contains("?sslmode=require");
        PSQLException hba = new PSQLException(new ServerErrorMessage("SFATAL\0VFATAL\0C28000\0Mno pg_hba.conf entry"
                + " for host \"203.0.113.7\", user \"postgres\", database \"postgres\", no encryption\0"));
        assertThat(ConnectionFailures.explain(hba, pooler, s -> s).hint())
                .startsWith("the server accepts encrypted connections only");
    }

    @Test
    void fedNoRouteToTheIpv6OnlyDirectHostPointsAtTheSessionPooler() throws Exception {
        ConnectionTarget direct = target("postgres://postgres:pw@db.abcdefghijklmnopqrst.supabase.co:5432/postgres");
        // ConnectionFactoryImpl wraps the socket's IOException this way.
        PSQLException e = new PSQLException("The connection attempt failed.",
                PSQLState.CONNECTION_UNABLE_TO_CONNECT, new NoRouteToHostException("No route to host"));
        DatabaseUnavailableException explained = ConnectionFailures.explain(e, direct, s -> s);
        assertThat(explained.getMessage()).contains("The connection attempt failed.").contains("SQLSTATE 08001");
        assertThat(explained.hint()).startsWith("db.<ref>.supabase.co is reachable over IPv6 only")
                .contains("aws-0-<region>.pooler.supabase.com:5432");
    }
}
