package io.github.pgmigrate.testing;

import io.github.pgmigrate.sql.SqlSyntaxException;
import io.github.pgmigrate.sql.Statement;
import io.github.pgmigrate.sql.StatementSplitter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * A simulated Supabase database: the SQL in {@code src/test/resources/supabase/} (our own) turns a database of a vanilla PostgreSQL 13–18 server into what a fresh Supabase
 * project looks like to a migration tool: the managed schemas with representative tables, types, functions and RLS,
 * Supabase's roles with a non-superuser {@code postgres}, grants and default privileges, contrib extensions in schema
 * {@code extensions}, the realtime publication and the event triggers. Tests connect as {@code postgres}, as a
 * Supabase user does. See docs/testing.md.
 */
public final class SupabaseFixture {
    /** The role migrations connect as: LOGIN, CREATEDB, CREATEROLE, BYPASSRLS, but not a superuser. */
    public static final String USER = "postgres";

    /** Applied in this order, each in one transaction. */
    public static final List<String> FILES = List.of(
            "01-roles.sql",
            "02-extensions.sql",
            "03-auth.sql",
            "04-storage.sql",
            "05-realtime.sql",
            "06-platform-schemas.sql",
            "07-public.sql",
            "08-event-triggers.sql");

    private static final String RESOURCE_DIRECTORY = "/supabase/";
    private static final String PASSWORD = randomPassword();

    private SupabaseFixture() {
    }

    /**
     * Creates a new database on this JVM's {@link SupabaseServer}, applies the fixture and returns how to connect as
     * the non-superuser {@code postgres}.
     */
    public static SupabaseDatabase createDatabase() {
        return createDatabase(SupabaseServer.shared());
    }

    /** Like {@link #createDatabase()}, on the given server. */
    public static SupabaseDatabase createDatabase(SupabaseServer server) {
        String name = "sb_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection admin = server.connectAsAdmin(server.maintenanceDatabase())) {
            admin.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name + " for the Supabase fixture: "
                    + e.getMessage(), e);
        }
        try (Connection admin = server.connectAsAdmin(name)) {
            apply(admin, PASSWORD);
        } catch (SQLException e) {
            throw new IllegalStateException("could not connect to " + name + " as " + server.adminUser() + ": "
                    + e.getMessage(), e);
        }
        return new SupabaseDatabase(name, server.jdbcUrl(name), USER, PASSWORD, server.adminUser(),
                server.adminPassword());
    }

    /**
     * Applies the fixture to the database {@code superuser} is connected to (idempotent) and gives the
     * {@code postgres} role the password {@code postgresPassword}. The connection must be a superuser's other than
     * {@code postgres}; the fixture refuses with a hint when {@code postgres} is a superuser on that cluster.
     *
     * @throws IllegalStateException naming the fixture file and line of the statement that failed
     */
    public static void apply(Connection superuser, String postgresPassword) {
        for (String file : FILES) {
            applyFile(superuser, file);
        }
        try (java.sql.Statement statement = superuser.createStatement()) {
            statement.execute("SET password_encryption = 'scram-sha-256'");
            statement.execute("ALTER ROLE " + USER + " PASSWORD " + stringLiteral(postgresPassword));
        } catch (SQLException e) {
            throw new IllegalStateException("could not set the password of role " + USER + ": " + e.getMessage(), e);
        }
    }

    private static void applyFile(Connection connection, String file) {
        String resource = RESOURCE_DIRECTORY + file;
        List<Statement> statements;
        try {
            statements = StatementSplitter.split(read(resource));
        } catch (SqlSyntaxException e) {
            throw new IllegalStateException("supabase/" + file + " line " + e.line() + ": " + e.problem(), e);
        }
        try {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (java.sql.Statement jdbc = connection.createStatement()) {
                for (Statement statement : statements) {
                    execute(jdbc, file, statement);
                }
                connection.commit();
            } catch (RuntimeException | SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not apply supabase/" + file + ": " + e.getMessage(), e);
        }
    }

    private static void execute(java.sql.Statement jdbc, String file, Statement statement) {
        try {
            jdbc.execute(statement.text());
        } catch (SQLException e) {
            throw new IllegalStateException("supabase/" + file + " line " + statement.line() + ": "
                    + e.getMessage(), e);
        }
    }

    /** The text of one fixture file. */
    static String sql(String file) {
        return read(RESOURCE_DIRECTORY + file);
    }

    private static String read(String resource) {
        try (InputStream in = SupabaseFixture.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("fixture file " + resource + " is not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + resource, e);
        }
    }

    private static String stringLiteral(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
