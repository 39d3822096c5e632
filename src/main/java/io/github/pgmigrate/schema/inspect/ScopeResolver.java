package io.github.pgmigrate.schema.inspect;

import io.github.pgmigrate.apply.ManagedSchemas;
import io.github.pgmigrate.history.SupabaseHistoryTable;
import io.github.pgmigrate.revisions.RevisionSchemaGuard;
import io.github.pgmigrate.schema.model.Namespace;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads every schema of the database in one query and decides which are in scope: the include list (or every user
 * schema), less the excluded ones, pgmigrate's revisions schema, Supabase CLI's history schema, schemas an extension
 * created and, on Supabase, the platform's managed schemas unless named explicitly.
 */
final class ScopeResolver {
    /** History tables of migration tools, never part of an application's schema. */
    static final List<String> HISTORY_TABLES = List.of("atlas_schema_revisions", "flyway_schema_history",
            "databasechangelog", "databasechangeloglock");

    record Resolved(List<Namespace> namespaces, List<String> excludedManaged) {
        List<String> names() {
            return namespaces.stream().map(Namespace::name).toList();
        }
    }

    private record Row(Namespace namespace, boolean system, boolean extensionOwned, boolean supabase) {
    }

    private ScopeResolver() {
    }

    static Resolved resolve(Connection connection, InspectScope scope) throws SQLException {
        CatalogReader all = new CatalogReader(connection, List.of(), List.of());
        List<Row> rows = all.rows("SELECT n.nspname,"
                + " pg_get_userbyid(n.nspowner) AS owner,"
                + " (n.nspname IN ('pg_catalog', 'information_schema') OR n.nspname LIKE 'pg\\_toast%'"
                + "   OR n.nspname LIKE 'pg\\_temp\\_%') AS system,"
                + " " + CatalogSql.extensionMember("pg_namespace", "n.oid") + " AS extension_owned,"
                + " " + CatalogSql.grants("n.nspacl", 'n', "n.nspowner") + " AS grants,"
                + " obj_description(n.oid, 'pg_namespace') AS comment,"
                + " EXISTS (SELECT FROM pg_roles WHERE rolname = 'supabase_admin') AS supabase"
                + " FROM pg_namespace n ORDER BY n.nspname",
                rs -> new Row(new Namespace(rs.getString("nspname"), rs.getString("owner"),
                        CatalogReader.grants(rs, "grants"), rs.getString("comment")),
                        rs.getBoolean("system"), rs.getBoolean("extension_owned"), rs.getBoolean("supabase")));
        boolean supabase = !rows.isEmpty() && rows.get(0).supabase();
        List<Namespace> included = new ArrayList<>();
        List<String> excludedManaged = new ArrayList<>();
        for (Row row : rows) {
            String name = row.namespace().name();
            boolean named = scope.schemas().contains(name);
            if (row.system() || scope.excludeSchemas().contains(name)) {
                continue;
            }
            if (!scope.schemas().isEmpty()) {
                if (named) {
                    included.add(row.namespace());
                }
                continue;
            }
            if (row.extensionOwned() || name.equals(RevisionSchemaGuard.DEFAULT_SCHEMA) || name.equals(SupabaseHistoryTable.SCHEMA)
                    || name.equals(scope.revisionsSchema()) && !name.equals("public")) {
                continue;
            }
            if (supabase && ManagedSchemas.isSupabase(name)) {
                excludedManaged.add(name);
                continue;
            }
            included.add(row.namespace());
        }
        return new Resolved(List.copyOf(included), List.copyOf(excludedManaged));
    }
}
