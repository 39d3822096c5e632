package io.github.pgmigrate.schema.inspect;

import io.github.pgmigrate.schema.model.ColumnRef;
import io.github.pgmigrate.schema.model.QualifiedName;
import io.github.pgmigrate.schema.model.Sequence;
import java.sql.SQLException;
import java.util.List;

/** Sequences other than identity columns' own, with their OWNED BY column: one query. */
final class SequenceReader {
    private final CatalogReader catalog;

    SequenceReader(CatalogReader catalog) {
        this.catalog = catalog;
    }

    List<Sequence> read() throws SQLException {
        return catalog.rows("SELECT n.nspname, c.relname, pg_get_userbyid(c.relowner) AS owner,"
                + " format_type(s.seqtypid, NULL) AS type, s.seqstart, s.seqincrement, s.seqmin, s.seqmax,"
                + " s.seqcache, s.seqcycle, tn.nspname AS table_schema, tc.relname AS table_name,"
                + " ta.attname AS column_name,"
                + " " + CatalogSql.grants("c.relacl", 's', "c.relowner") + " AS grants,"
                + " obj_description(c.oid, 'pg_class') AS comment"
                + " FROM pg_sequence s JOIN pg_class c ON c.oid = s.seqrelid"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " LEFT JOIN pg_depend d ON d.classid = 'pg_class'::regclass AND d.objid = c.oid"
                + "   AND d.refclassid = 'pg_class'::regclass AND d.refobjsubid > 0 AND d.deptype IN ('a', 'i')"
                + " LEFT JOIN pg_class tc ON tc.oid = d.refobjid LEFT JOIN pg_namespace tn ON tn.oid = tc.relnamespace"
                + " LEFT JOIN pg_attribute ta ON ta.attrelid = d.refobjid AND ta.attnum = d.refobjsubid"
                + " WHERE " + CatalogSql.relationInScope() + " AND d.deptype IS DISTINCT FROM 'i'"
                + " ORDER BY 1, 2",
                rs -> {
                    String table = rs.getString("table_name");
                    ColumnRef ownedBy = table == null ? null
                            : new ColumnRef(new QualifiedName(rs.getString("table_schema"), table),
                                    rs.getString("column_name"));
                    return new Sequence(TableReader.name(rs), rs.getString("owner"), rs.getString("type"),
                            rs.getLong("seqstart"), rs.getLong("seqincrement"), rs.getLong("seqmin"),
                            rs.getLong("seqmax"), rs.getLong("seqcache"), rs.getBoolean("seqcycle"), ownedBy,
                            CatalogReader.grants(rs, "grants"), rs.getString("comment"));
                });
    }
}
