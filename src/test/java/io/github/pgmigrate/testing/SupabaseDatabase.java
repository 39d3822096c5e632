package io.github.pgmigrate.testing;

import io.github.pgmigrate.config.Environment;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A fresh database that looks like a new Supabase project (see {@link SupabaseFixture}).
 *
 * @param name          the database name
 * @param jdbcUrl       a pgjdbc URL without credentials
 * @param user          {@code postgres}: the non-superuser a Supabase user connects as
 * @param password      its password
 * @param adminUser     the superuser that applied the fixture (for assertions and set-up only)
 * @param adminPassword its password, or null
 */
public record SupabaseDatabase(String name, String jdbcUrl, String user, String password, String adminUser,
        String adminPassword) {

    /** Connects as {@link #user()}, as a migration tool on Supabase does. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }

    public Connection connectAsAdmin() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, adminUser, adminPassword);
    }

    /** A pgmigrate environment connecting as {@link #user()} to {@code url} (a URL of this database). */
    public Environment environment(String url) {
        return new Environment("supabase", url, user, password, null, null, null, Map.of(), true);
    }

    /** The first column of every row of {@code query}, read as the superuser. */
    public List<String> rowsAsAdmin(String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = connectAsAdmin(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(query)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    /**
     * What {@code supabase db push} leaves behind: its history table, created by the CLI's own statements
     * ({@code pkg/migration/history.go}), with the given rows ({@code 'version', 'name', statements} as SQL values).
     */
    public void pushedBySupabaseCli(String... rows) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("SET lock_timeout = '4s'");
            statement.execute("CREATE SCHEMA IF NOT EXISTS supabase_migrations");
            statement.execute("CREATE TABLE IF NOT EXISTS supabase_migrations.schema_migrations"
                    + " (version text NOT NULL PRIMARY KEY)");
            statement.execute("ALTER TABLE supabase_migrations.schema_migrations ADD COLUMN IF NOT EXISTS"
                    + " statements text[]");
            statement.execute("ALTER TABLE supabase_migrations.schema_migrations ADD COLUMN IF NOT EXISTS name text");
            for (String row : rows) {
                statement.execute("INSERT INTO supabase_migrations.schema_migrations (version, name, statements)"
                        + " VALUES (" + row + ")");
            }
        }
    }

    @Override
    public String toString() {
        return "SupabaseDatabase[" + jdbcUrl + " as " + user + "]";
    }
}
