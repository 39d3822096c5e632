package io.github.pgmigrate.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

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

    @Override
    public String toString() {
        return "SupabaseDatabase[" + jdbcUrl + " as " + user + "]";
    }
}
