package io.github.pgmigrate.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioDatabasesTest {

    @Test
    void writesTheSupabaseDatabaseIntoTheScenariosTestPropertiesKeepingItsOwn(@TempDir Path scenario)
            throws Exception {
        Files.writeString(scenario.resolve("test.properties"), "pgmigrate.env=staging\n");

        SupabaseDatabase database = ScenarioDatabases.supabaseDatabase(scenario.toFile());

        Properties written = ScenarioDatabases.read(scenario);
        assertThat(written.getProperty("pgmigrate.env")).isEqualTo("staging");
        assertThat(written.getProperty(ScenarioDatabases.URL)).isEqualTo(database.jdbcUrl()).endsWith(database.name());
        assertThat(written.getProperty(ScenarioDatabases.USER)).isEqualTo("postgres");
        assertThat(written.getProperty(ScenarioDatabases.NAME)).isEqualTo(database.name());
        String password = written.getProperty(ScenarioDatabases.PASSWORD);
        try (Connection connection = DriverManager.getConnection(written.getProperty(ScenarioDatabases.URL),
                written.getProperty(ScenarioDatabases.USER), password.isEmpty() ? null : password);
             ResultSet rs = connection.createStatement().executeQuery(
                     "SELECT current_user, current_database(), to_regclass('auth.users') IS NOT NULL")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("postgres");
            assertThat(rs.getString(2)).isEqualTo(database.name());
            assertThat(rs.getBoolean(3)).isTrue();
        }
    }

    @Test
    void writesAPlainDatabaseOnTheSharedServer(@TempDir Path scenario) throws Exception {
        TestDatabase database = ScenarioDatabases.plainDatabase(scenario.toFile());

        Properties written = ScenarioDatabases.read(scenario);
        assertThat(written.getProperty(ScenarioDatabases.URL)).isEqualTo(database.jdbcUrl());
        assertThat(written.getProperty(ScenarioDatabases.USER)).isEqualTo(database.user());
        assertThat(written.getProperty(ScenarioDatabases.NAME)).isEqualTo(database.name());
        try (Connection connection = ScenarioDatabases.connect(scenario);
             ResultSet rs = connection.createStatement().executeQuery(
                     "SELECT current_database(), count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(database.name());
            assertThat(rs.getInt(2)).isZero();
        }
    }

    @Test
    void freshDatabaseBelongsToItsOwnPasswordRole(@TempDir Path scenario) throws Exception {
        ScenarioDatabases.fresh(scenario.toFile());

        Properties written = ScenarioDatabases.read(scenario);
        String name = written.getProperty(ScenarioDatabases.NAME);
        assertThat(written.getProperty(ScenarioDatabases.USER)).isEqualTo("o_" + name);
        assertThat(written.getProperty(ScenarioDatabases.PASSWORD)).startsWith("pw-").hasSizeGreaterThan(20);
        try (Connection connection = ScenarioDatabases.connect(scenario);
             ResultSet rs = connection.createStatement().executeQuery(
                     "SELECT current_user, pg_get_userbyid(d.datdba), pg_get_userbyid(n.nspowner), r.rolsuper"
                             + " FROM pg_database d, pg_namespace n, pg_roles r"
                             + " WHERE d.datname = current_database() AND n.nspname = 'public'"
                             + " AND r.rolname = current_user")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("o_" + name);
            assertThat(rs.getString(2)).isEqualTo("o_" + name);
            assertThat(rs.getString(3)).isEqualTo("o_" + name);
            assertThat(rs.getBoolean(4)).isFalse();
        }
        try (Connection admin = ScenarioDatabases.connectAsAdmin(scenario);
             ResultSet rs = admin.createStatement().executeQuery("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean(1)).isTrue();
        }
    }

    @Test
    void assertNoPasswordFailsWithoutPrintingThePassword(@TempDir Path scenario) {
        ScenarioDatabases.fresh(scenario.toFile());
        String password = ScenarioDatabases.read(scenario).getProperty(ScenarioDatabases.PASSWORD);

        ScenarioDatabases.assertNoPassword(scenario, "[INFO] Environment it: jdbc:postgresql://host/db as someone");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> ScenarioDatabases.assertNoPassword(scenario, "password=" + password + " leaked"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("the value of it.db.password appears in the build output");
    }
}
