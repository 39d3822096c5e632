package io.github.pgmigrate.schema.inspect;

import io.github.pgmigrate.schema.model.Dependency;
import io.github.pgmigrate.schema.model.ObjectKind;
import io.github.pgmigrate.schema.model.ObjectRef;
import java.sql.SQLException;
import java.util.List;

/**
 * Normal dependencies (pg_depend) between the model's top-level objects, in one query. Parts of an object (a view's
 * rewrite rule, a column default, a constraint, a trigger, a policy, an index, a row or array type) count as the
 * object they belong to. Foreign keys are left out: they are added once all tables exist.
 */
final class DependencyReader {
    private static final String SQL = "WITH parts(classid, objid, ownerclass, ownerid) AS ("
            + " SELECT 'pg_rewrite'::regclass::oid, oid, 'pg_class'::regclass::oid, ev_class FROM pg_rewrite"
            + " UNION ALL SELECT 'pg_attrdef'::regclass::oid, oid, 'pg_class'::regclass::oid, adrelid FROM pg_attrdef"
            + " UNION ALL SELECT 'pg_constraint'::regclass::oid, oid,"
            + "   CASE WHEN conrelid <> 0 THEN 'pg_class'::regclass::oid ELSE 'pg_type'::regclass::oid END,"
            + "   CASE WHEN conrelid <> 0 THEN conrelid ELSE contypid END FROM pg_constraint WHERE contype <> 'f'"
            + " UNION ALL SELECT 'pg_trigger'::regclass::oid, oid, 'pg_class'::regclass::oid, tgrelid FROM pg_trigger"
            + " UNION ALL SELECT 'pg_policy'::regclass::oid, oid, 'pg_class'::regclass::oid, polrelid FROM pg_policy"
            + " UNION ALL SELECT 'pg_class'::regclass::oid, indexrelid, 'pg_class'::regclass::oid, indrelid"
            + "   FROM pg_index"
            + " UNION ALL SELECT 'pg_type'::regclass::oid, oid, 'pg_class'::regclass::oid, typrelid FROM pg_type"
            + "   WHERE typrelid <> 0"
            + " UNION ALL SELECT 'pg_type'::regclass::oid, a.oid,"
            + "   CASE WHEN e.typrelid <> 0 THEN 'pg_class'::regclass::oid ELSE 'pg_type'::regclass::oid END,"
            + "   CASE WHEN e.typrelid <> 0 THEN e.typrelid ELSE e.oid END"
            + "   FROM pg_type e JOIN pg_type a ON a.oid = e.typarray"
            + "), objects(classid, objid, kind, schema, name) AS ("
            + " SELECT 'pg_class'::regclass::oid, c.oid,"
            + "   CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'VIEW'"
            + "   WHEN 'c' THEN 'TYPE' ELSE 'TABLE' END, n.nspname, c.relname::text"
            + "   FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + "   WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'c') AND " + CatalogSql.relationInScope()
            + " UNION ALL SELECT 'pg_type'::regclass::oid, t.oid, 'TYPE', n.nspname, t.typname::text"
            + "   FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
            + "   WHERE t.typtype IN ('e', 'd') AND n.nspname = ANY(:schemas)"
            + "   AND NOT " + CatalogSql.extensionMember("pg_type", "t.oid")
            + " UNION ALL SELECT 'pg_proc'::regclass::oid, p.oid, 'ROUTINE', n.nspname,"
            + "   p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')'"
            + "   FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
            + "   WHERE p.prokind IN ('f', 'p') AND n.nspname = ANY(:schemas)"
            + "   AND NOT " + CatalogSql.extensionMember("pg_proc", "p.oid")
            + ") SELECT DISTINCT od.kind AS dependent_kind, od.schema AS dependent_schema, od.name AS dependent_name,"
            + " rf.kind AS referenced_kind, rf.schema AS referenced_schema, rf.name AS referenced_name"
            + " FROM pg_depend d"
            + " LEFT JOIN parts pd ON pd.classid = d.classid AND pd.objid = d.objid"
            + " LEFT JOIN parts pr ON pr.classid = d.refclassid AND pr.objid = d.refobjid"
            + " JOIN objects od ON od.classid = coalesce(pd.ownerclass, d.classid)"
            + "   AND od.objid = coalesce(pd.ownerid, d.objid)"
            + " JOIN objects rf ON rf.classid = coalesce(pr.ownerclass, d.refclassid)"
            + "   AND rf.objid = coalesce(pr.ownerid, d.refobjid)"
            + " WHERE d.deptype = 'n' AND (od.classid, od.objid) <> (rf.classid, rf.objid)"
            + " AND NOT (d.classid = 'pg_constraint'::regclass AND d.objid IN"
            + "   (SELECT oid FROM pg_constraint WHERE contype = 'f'))"
            + " ORDER BY 1, 2, 3, 4, 5, 6";

    private final CatalogReader catalog;

    DependencyReader(CatalogReader catalog) {
        this.catalog = catalog;
    }

    List<Dependency> read() throws SQLException {
        return catalog.rows(SQL, rs -> new Dependency(
                new ObjectRef(ObjectKind.valueOf(rs.getString("dependent_kind")), rs.getString("dependent_schema"),
                        rs.getString("dependent_name")),
                new ObjectRef(ObjectKind.valueOf(rs.getString("referenced_kind")),
                        rs.getString("referenced_schema"), rs.getString("referenced_name"))));
    }
}
