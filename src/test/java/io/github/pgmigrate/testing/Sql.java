package io.github.pgmigrate.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Small query helpers for assertions. */
public final class Sql {
    private Sql() {
    }

    /** Every row as "col1|col2|…" (NULL as "null"). */
    public static List<String> rows(TestDatabase db, String query) {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(query)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    if (i > 1) {
                        row.append('|');
                    }
                    row.append(rs.getString(i));
                }
                rows.add(row.toString());
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(query + ": " + e.getMessage(), e);
        }
    }

    public static String one(TestDatabase db, String query) {
        List<String> rows = rows(db, query);
        if (rows.size() != 1) {
            throw new IllegalStateException(query + " returned " + rows.size() + " rows: " + rows);
        }
        return rows.get(0);
    }

    public static void exec(TestDatabase db, String... statements) {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** A snapshot of everything user-visible in the catalog, to prove that nothing changed. */
    public static List<String> catalogSnapshot(TestDatabase db) {
        List<String> snapshot = new ArrayList<>();
        snapshot.addAll(rows(db, "SELECT 'schema ' || nspname FROM pg_namespace ORDER BY 1"));
        snapshot.addAll(rows(db, "SELECT 'rel ' || n.nspname || '.' || c.relname || ' ' || c.relkind::text FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname NOT IN ('pg_catalog',"
                + " 'information_schema', 'pg_toast') ORDER BY 1"));
        snapshot.addAll(rows(db, "SELECT 'rows ' || n.nspname || '.' || c.relname || ' ' ||"
                + " (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM %I.%I', n.nspname,"
                + " c.relname), false, true, '')))[1]::text FROM pg_class c JOIN pg_namespace n ON n.oid ="
                + " c.relnamespace WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema',"
                + " 'pg_toast') ORDER BY 1"));
        snapshot.addAll(rows(db, "SELECT 'col ' || table_schema || '.' || table_name || '.' || column_name || ' '"
                + " || data_type FROM information_schema.columns WHERE table_schema NOT IN ('pg_catalog',"
                + " 'information_schema') ORDER BY 1"));
        return snapshot;
    }
}
