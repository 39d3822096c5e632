package io.github.pgmigrate.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.postgresql.Driver;

class TestPgBouncerTest {

    private static Connection through(TestPgBouncer bouncer, String database, String user, String password,
                                      String prepareThreshold) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("prepareThreshold", prepareThreshold);
        return new Driver().connect(bouncer.jdbcUrl(database), properties);
    }

    @Test
    void poolsTransactionsAcrossServerBackends() throws Exception {
        TestDatabase database = TestDatabases.createDatabase();
        String role = allowedRole(database);
        TestPgBouncer bouncer = TestPgBouncer.instance();

        try (Connection a = through(bouncer, database.name(), role, "pw-" + role, "0");
             Connection b = through(bouncer, database.name(), role, "pw-" + role, "0")) {
            // Two clients inside transactions at once need two server backends.
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            Set<Integer> backends = new HashSet<>();
            backends.add(backend(a));
            backends.add(backend(b));
            assertThat(backends).hasSize(2);
            a.commit();
            b.commit();
            // Outside a transaction the next statement may run on any backend of the pool.
            a.setAutoCommit(true);
            Set<Integer> seenByA = new HashSet<>();
            for (int i = 0; i < 20 && seenByA.size() < 2; i++) {
                b.setAutoCommit(false);
                backend(b);
                seenByA.add(backend(a));
                b.commit();
                seenByA.add(backend(a));
            }
            assertThat(seenByA).as("backends one client saw between transactions").hasSize(2);
        }
        assertThat(bouncer.logins(database.name(), role)).isEqualTo(2);
    }

    @Test
    void namedPreparedStatementsBreakAsOnARealTransactionPooler() throws Exception {
        TestDatabase database = TestDatabases.createDatabase();
        String role = allowedRole(database);
        TestPgBouncer bouncer = TestPgBouncer.instance();

        // pgjdbc names a server-side statement from the first use with prepareThreshold=1; interleaved with another
        // client's transactions the name lands on a backend that does not have it (or already has it).
        assertThatThrownBy(() -> {
            try (Connection a = through(bouncer, database.name(), role, "pw-" + role, "1");
                 Connection b = through(bouncer, database.name(), role, "pw-" + role, "1")) {
                for (int i = 0; i < 20; i++) {
                    query(a, "SELECT " + i % 2);
                    b.setAutoCommit(false);
                    query(b, "SELECT 1");
                    query(a, "SELECT " + (i + 1) % 2);
                    b.commit();
                    b.setAutoCommit(true);
                }
            }
        }).isInstanceOf(SQLException.class).hasMessageContaining("prepared statement");
    }

    /** A login role with the password {@code pw-<role>}, registered with PgBouncer. */
    private static String allowedRole(TestDatabase database) throws SQLException {
        String role = "bouncer_" + database.name();
        try (Connection admin = TestDatabases.server().connect(database.name());
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'pw-" + role + "'");
        }
        TestPgBouncer.instance().allow(role, "pw-" + role);
        return role;
    }

    private static int backend(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void query(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
            rs.next();
        }
    }
}
