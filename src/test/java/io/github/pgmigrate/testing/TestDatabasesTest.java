package io.github.pgmigrate.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

class TestDatabasesTest {

    @Test
    void givesEachTestItsOwnEmptyDatabaseOnOneServer() throws Exception {
        TestDatabase first = TestDatabases.createDatabase();
        TestDatabase second = TestDatabases.createDatabase();
        assertThat(first.name()).isNotEqualTo(second.name());
        try (Connection connection = first.connect()) {
            connection.createStatement().execute("CREATE TABLE only_in_first (id int)");
        }
        try (Connection connection = second.connect();
             ResultSet rs = connection.createStatement().executeQuery(
                     "SELECT current_database(), count(*) FROM pg_tables WHERE tablename = 'only_in_first'")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(second.name());
            assertThat(rs.getInt(2)).isZero();
        }
        assertThat(TestDatabases.server()).isSameAs(TestDatabases.server());
    }

    @Test
    void startsTheRequestedMajor() throws Exception {
        if (PostgresProvider.choose() == PostgresProvider.EMBEDDED) {
            assertThat(TestDatabases.server().serverVersion()).startsWith(TestDatabases.requestedMajor() + ".");
        }
        try (Connection connection = TestDatabases.createDatabase().connect();
             ResultSet rs = connection.createStatement().executeQuery("SHOW server_version_num")) {
            rs.next();
            assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(130000);
        }
    }
}
