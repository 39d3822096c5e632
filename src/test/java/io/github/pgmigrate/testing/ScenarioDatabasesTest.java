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
}
