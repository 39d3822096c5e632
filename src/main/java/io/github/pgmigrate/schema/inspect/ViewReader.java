package io.github.pgmigrate.schema.inspect;

import io.github.pgmigrate.schema.model.Index;
import io.github.pgmigrate.schema.model.QualifiedName;
import io.github.pgmigrate.schema.model.View;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** Views and materialized views: one query (materialized views' indexes come from {@link TableReader}). */
final class ViewReader {
    private final CatalogReader catalog;

    ViewReader(CatalogReader catalog) {
        this.catalog = catalog;
    }

    List<View> read(Map<QualifiedName, List<Index>> indexes) throws SQLException {
        return catalog.rows("SELECT n.nspname, c.relname, c.relkind = 'm' AS materialized,"
                + " pg_get_userbyid(c.relowner) AS owner, pg_get_viewdef(c.oid) AS definition,"
                + " coalesce(c.reloptions, '{}') AS options,"
                + " " + CatalogSql.grants("c.relacl", 'r', "c.relowner") + " AS grants,"
                + " obj_description(c.oid, 'pg_class') AS comment"
                + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE c.relkind IN ('v', 'm') AND " + CatalogSql.relationInScope() + " ORDER BY 1, 2",
                rs -> {
                    QualifiedName name = TableReader.name(rs);
                    String definition = rs.getString("definition").strip();
                    if (definition.endsWith(";")) {
                        definition = definition.substring(0, definition.length() - 1);
                    }
                    return new View(name, rs.getBoolean("materialized"), rs.getString("owner"), definition,
                            CatalogReader.strings(rs, "options"), indexes.getOrDefault(name, List.of()),
                            CatalogReader.grants(rs, "grants"), rs.getString("comment"));
                });
    }
}
