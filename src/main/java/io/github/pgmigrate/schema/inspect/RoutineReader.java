package io.github.pgmigrate.schema.inspect;

import io.github.pgmigrate.schema.model.QualifiedName;
import io.github.pgmigrate.schema.model.Routine;
import java.sql.SQLException;
import java.util.List;

/** Functions and procedures (not aggregates or window functions): one query. */
final class RoutineReader {
    private final CatalogReader catalog;

    RoutineReader(CatalogReader catalog) {
        this.catalog = catalog;
    }

    List<Routine> read() throws SQLException {
        return catalog.rows("SELECT n.nspname, p.proname, pg_get_function_identity_arguments(p.oid) AS arguments,"
                + " p.prokind = 'p' AS procedure,"
                + " CASE WHEN p.prokind <> 'p' THEN pg_get_function_result(p.oid) END AS result,"
                + " l.lanname, p.provolatile, p.prosecdef, pg_get_functiondef(p.oid) AS definition,"
                + " pg_get_userbyid(p.proowner) AS owner,"
                + " " + CatalogSql.grants("p.proacl", 'f', "p.proowner") + " AS grants,"
                + " obj_description(p.oid, 'pg_proc') AS comment"
                + " FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
                + " JOIN pg_language l ON l.oid = p.prolang"
                + " WHERE p.prokind IN ('f', 'p') AND n.nspname = ANY(:schemas)"
                + " AND NOT " + CatalogSql.extensionMember("pg_proc", "p.oid") + " ORDER BY 1, 2, 3",
                rs -> new Routine(new QualifiedName(rs.getString("nspname"), rs.getString("proname")),
                        rs.getString("arguments"), rs.getBoolean("procedure"), rs.getString("result"),
                        rs.getString("lanname"), volatility(rs.getString("provolatile")), rs.getBoolean("prosecdef"),
                        rs.getString("definition").strip(), rs.getString("owner"),
                        CatalogReader.grants(rs, "grants"), rs.getString("comment")));
    }

    private static String volatility(String code) {
        return switch (code) {
            case "i" -> "IMMUTABLE";
            case "s" -> "STABLE";
            default -> "VOLATILE";
        };
    }
}
