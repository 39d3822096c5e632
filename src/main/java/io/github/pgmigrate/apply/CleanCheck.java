package io.github.pgmigrate.apply;

import io.github.pgmigrate.history.SupabaseHistoryTable;
import io.github.pgmigrate.revisions.RevisionTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Atlas's first-run check that the database is "clean" ({@code Driver.CheckClean}): only tables count, as
 * information_schema shows them to the current role, without partitions and extension members; schemas owned by
 * extensions and PostgreSQL's own are not looked at.
 */
public final class CleanCheck {
    private static final String SCHEMAS = "SELECT n.nspname FROM pg_catalog.pg_namespace n"
            + " WHERE n.nspname NOT IN ('information_schema', 'pg_catalog', 'pg_toast', 'crdb_internal', 'pg_extension')"
            + " AND n.nspname NOT LIKE 'pg_%temp_%'"
            + " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_namespace'::regclass"
            + " AND d.objid = n.oid AND d.deptype = 'e')"
            + " ORDER BY n.nspname COLLATE \"C\"";
    private static final String TABLES = "SELECT t.table_schema, t.table_name FROM information_schema.tables t"
            + " JOIN pg_catalog.pg_namespace n ON n.nspname = t.table_schema"
            + " JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relname = t.table_name"
            + " WHERE t.table_type = 'BASE TABLE' AND NOT c.relispartition"
            + " AND (CAST(? AS text) IS NULL OR t.table_schema = ?)"
            + " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_class'::regclass"
            + " AND d.objid = c.oid AND d.deptype = 'e')"
            + " ORDER BY t.table_schema COLLATE \"C\", t.table_name COLLATE \"C\"";

    private CleanCheck() {
    }

    /**
     * Why the database is not clean (Atlas's wording after "connected database is not clean: "), or empty.
     *
     * @param boundSchema      the schema the URL binds to (search_path), or null for the whole database
     * @param revisionsSchema  the schema of atlas_schema_revisions
     * @param configuredSchema the explicitly configured revisions schema, or null
     */
    public static Optional<String> dirtReason(Connection connection, String boundSchema, String revisionsSchema,
                                              String configuredSchema) throws SQLException {
        Map<String, List<String>> tables = tablesBySchema(connection, boundSchema);
        if (boundSchema != null) {
            List<String> inSchema = tables.getOrDefault(boundSchema, List.of());
            boolean clean = inSchema.isEmpty() || (inSchema.size() == 1
                    && inSchema.get(0).equals(RevisionTable.TABLE)
                    && (configuredSchema == null || configuredSchema.equals(boundSchema)));
            return clean ? Optional.empty()
                    : Optional.of("found table \"" + inSchema.get(0) + "\" in schema \"" + boundSchema + "\"");
        }
        for (String schema : schemas(connection)) {
            List<String> inSchema = tables.getOrDefault(schema, List.of());
            // Atlas creates its table before this check, so it never sees its own schema empty; pgmigrate creates
            // nothing before the check, and a concurrent run may be between CREATE SCHEMA and CREATE TABLE.
            if (inSchema.isEmpty() && (schema.equals("public") || schema.equals(revisionsSchema))) {
                continue;
            }
            if (emptySupabaseHistory(connection, schema, inSchema)) {
                continue; // what clean leaves of a history=supabase|both run: nothing recorded as applied
            }
            if (inSchema.isEmpty() || !schema.equals(revisionsSchema)) {
                return Optional.of("found schema \"" + schema + "\"");
            }
            if (inSchema.size() > 1) {
                return Optional.of("found " + inSchema.size() + " tables in schema \"" + schema + "\"");
            }
            if (!inSchema.get(0).equals(RevisionTable.TABLE)) {
                return Optional.of("found table \"" + inSchema.get(0) + "\" in schema \"" + schema + "\"");
            }
        }
        return Optional.empty();
    }

    private static boolean emptySupabaseHistory(Connection connection, String schema, List<String> tables)
            throws SQLException {
        if (!schema.equals(SupabaseHistoryTable.SCHEMA) || !tables.equals(List.of(SupabaseHistoryTable.TABLE))) {
            return false;
        }
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT NOT EXISTS (SELECT 1 FROM "
                     + SupabaseHistoryTable.QUALIFIED + ")")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /** The schemas Atlas inspects that Supabase manages, in name order. */
    public static List<String> supabaseSchemas(Connection connection) throws SQLException {
        return schemas(connection).stream().filter(ManagedSchemas::isSupabase).toList();
    }

    /** The roles of the cluster that Supabase reserves, in name order; empty unless a supabase_* role exists. */
    public static List<String> supabaseRoles(Connection connection) throws SQLException {
        List<String> roles = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT rolname FROM pg_catalog.pg_roles ORDER BY rolname COLLATE \"C\"");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                if (ManagedSchemas.isSupabaseRole(rs.getString(1))) {
                    roles.add(rs.getString(1));
                }
            }
        }
        // anon, authenticated or pgbouncer alone also exist outside Supabase (PostgREST, PgBouncer set-ups).
        return roles.stream().anyMatch(r -> r.startsWith("supabase_")) ? roles : List.of();
    }

    private static List<String> schemas(Connection connection) throws SQLException {
        List<String> schemas = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(SCHEMAS);
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                schemas.add(rs.getString(1));
            }
        }
        return schemas;
    }

    /**
     * @param onlySchema the one schema to read (a tenant's: the check then costs the same in a database of 10,000
     *                   tenants as in one of 10), or null for all
     */
    private static Map<String, List<String>> tablesBySchema(Connection connection, String onlySchema)
            throws SQLException {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(TABLES)) {
            statement.setString(1, onlySchema);
            statement.setString(2, onlySchema);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    tables.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        return tables;
    }
}
