package io.github.pgmigrate.schema.inspect;

import io.github.pgmigrate.schema.model.Column;
import io.github.pgmigrate.schema.model.Constraint;
import io.github.pgmigrate.schema.model.ConstraintKind;
import io.github.pgmigrate.schema.model.Grant;
import io.github.pgmigrate.schema.model.Index;
import io.github.pgmigrate.schema.model.Partitioning;
import io.github.pgmigrate.schema.model.Policy;
import io.github.pgmigrate.schema.model.QualifiedName;
import io.github.pgmigrate.schema.model.Table;
import io.github.pgmigrate.schema.model.Trigger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Tables with their columns, constraints, indexes, triggers and policies: six queries whatever the table count. */
final class TableReader {
    private static final String RELATIONS = " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE c.relkind IN ('r', 'p') AND " + CatalogSql.relationInScope();

    private record TableRow(QualifiedName name, String owner, boolean unlogged, String partitionKey,
                            Partitioning partitionOf, List<QualifiedName> inherits, boolean rowSecurity,
                            boolean forceRowSecurity, List<Grant> grants, String comment) {
    }

    private final CatalogReader catalog;

    TableReader(CatalogReader catalog) {
        this.catalog = catalog;
    }

    /** The tables, and the indexes of materialized views by view name (read by the same query). */
    record Result(List<Table> tables, Map<QualifiedName, List<Index>> viewIndexes) {
    }

    Result read() throws SQLException {
        List<TableRow> tables = catalog.rows("SELECT n.nspname, c.relname, pg_get_userbyid(c.relowner) AS owner,"
                + " c.relpersistence = 'u' AS unlogged,"
                + " CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partition_key,"
                + " CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END AS bound,"
                + " ARRAY(SELECT pn.nspname FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent"
                + "   JOIN pg_namespace pn ON pn.oid = p.relnamespace WHERE i.inhrelid = c.oid"
                + "   ORDER BY i.inhseqno) AS parent_schemas,"
                + " ARRAY(SELECT p.relname FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent"
                + "   WHERE i.inhrelid = c.oid ORDER BY i.inhseqno) AS parent_names,"
                + " c.relrowsecurity, c.relforcerowsecurity,"
                + " " + CatalogSql.grants("c.relacl", 'r', "c.relowner") + " AS grants,"
                + " obj_description(c.oid, 'pg_class') AS comment"
                + RELATIONS + " ORDER BY 1, 2", TableReader::tableRow);
        Map<QualifiedName, List<Column>> columns = grouped(catalog.rows("SELECT n.nspname, c.relname, a.attname,"
                + " format_type(a.atttypid, a.atttypmod) AS type,"
                + " " + CatalogSql.collation("a.attcollation", "t.typcollation") + " AS collation,"
                + " a.attnotnull, a.attidentity, a.attgenerated, a.attislocal,"
                + " pg_get_expr(d.adbin, d.adrelid) AS expression,"
                + " col_description(c.oid, a.attnum) AS comment"
                + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_type t ON t.oid = a.atttypid"
                + " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                + " WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p') AND "
                + CatalogSql.relationInScope() + " ORDER BY 1, 2, a.attnum", TableReader::column));
        Map<QualifiedName, List<Constraint>> constraints = grouped(catalog.rows("SELECT n.nspname, c.relname,"
                + " co.conname, co.contype, pg_get_constraintdef(co.oid) AS definition, co.convalidated,"
                + " rn.nspname AS ref_schema, rc.relname AS ref_name,"
                + " obj_description(co.oid, 'pg_constraint') AS comment"
                + " FROM pg_constraint co JOIN pg_class c ON c.oid = co.conrelid"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " LEFT JOIN pg_class rc ON rc.oid = co.confrelid LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace"
                + " WHERE co.contype IN ('p', 'u', 'c', 'f', 'x') AND co.conislocal AND co.conparentid = 0"
                + " AND c.relkind IN ('r', 'p') AND " + CatalogSql.relationInScope() + " ORDER BY 1, 2, 3",
                TableReader::constraint));
        Map<QualifiedName, List<Index>> indexes = grouped(catalog.rows("SELECT n.nspname, c.relname,"
                + " ic.relname AS index_name, pg_get_indexdef(i.indexrelid) AS definition,"
                + " obj_description(i.indexrelid, 'pg_class') AS comment"
                + " FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_class c ON c.oid = i.indrelid"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE NOT ic.relispartition AND c.relkind IN ('r', 'p', 'm') AND " + CatalogSql.relationInScope()
                + " AND NOT EXISTS (SELECT FROM pg_constraint co WHERE co.conindid = i.indexrelid"
                + "   AND co.conrelid = i.indrelid AND co.contype IN ('p', 'u', 'x'))"
                + " ORDER BY 1, 2, 3",
                rs -> new Named<>(name(rs), new Index(rs.getString("index_name"),
                        onPartitions(rs.getString("definition")), rs.getString("comment")))));
        Map<QualifiedName, List<Trigger>> triggers = grouped(catalog.rows("SELECT n.nspname, c.relname, t.tgname,"
                + " pg_get_triggerdef(t.oid) AS definition, t.tgenabled,"
                + " obj_description(t.oid, 'pg_trigger') AS comment"
                + " FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE NOT t.tgisinternal AND t.tgparentid = 0 AND c.relkind IN ('r', 'p') AND "
                + CatalogSql.relationInScope() + " ORDER BY 1, 2, 3",
                rs -> new Named<>(name(rs), new Trigger(rs.getString("tgname"), rs.getString("definition"),
                        rs.getString("tgenabled"), rs.getString("comment")))));
        Map<QualifiedName, List<Policy>> policies = grouped(catalog.rows("SELECT n.nspname, c.relname, p.polname,"
                + " p.polpermissive, p.polcmd,"
                + " ARRAY(SELECT CASE WHEN r = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(r) END FROM unnest(p.polroles) r"
                + "   ORDER BY 1) AS roles,"
                + " pg_get_expr(p.polqual, p.polrelid) AS using_expression,"
                + " pg_get_expr(p.polwithcheck, p.polrelid) AS check_expression,"
                + " obj_description(p.oid, 'pg_policy') AS comment"
                + " FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE c.relkind IN ('r', 'p') AND " + CatalogSql.relationInScope() + " ORDER BY 1, 2, 3",
                TableReader::policy));

        List<Table> result = new ArrayList<>();
        for (TableRow t : tables) {
            QualifiedName n = t.name();
            result.add(new Table(n, t.owner(), t.unlogged(), t.partitionKey(), t.partitionOf(), t.inherits(),
                    columns.getOrDefault(n, List.of()), constraints.getOrDefault(n, List.of()),
                    indexes.getOrDefault(n, List.of()), triggers.getOrDefault(n, List.of()), t.rowSecurity(),
                    t.forceRowSecurity(), policies.getOrDefault(n, List.of()), t.grants(), t.comment()));
            indexes.remove(n);
        }
        return new Result(List.copyOf(result), indexes);
    }

    private static TableRow tableRow(ResultSet rs) throws SQLException {
        List<String> parentSchemas = CatalogReader.strings(rs, "parent_schemas");
        List<String> parentNames = CatalogReader.strings(rs, "parent_names");
        List<QualifiedName> parents = new ArrayList<>();
        for (int i = 0; i < parentNames.size(); i++) {
            parents.add(new QualifiedName(parentSchemas.get(i), parentNames.get(i)));
        }
        String bound = rs.getString("bound");
        Partitioning partitionOf = bound == null ? null : new Partitioning(parents.get(0), bound);
        return new TableRow(name(rs), rs.getString("owner"), rs.getBoolean("unlogged"),
                rs.getString("partition_key"), partitionOf, bound == null ? List.copyOf(parents) : List.of(),
                rs.getBoolean("relrowsecurity"), rs.getBoolean("relforcerowsecurity"),
                CatalogReader.grants(rs, "grants"), rs.getString("comment"));
    }

    private static Named<Column> column(ResultSet rs) throws SQLException {
        String generatedKind = rs.getString("attgenerated");
        boolean generated = generatedKind != null && !generatedKind.isEmpty();
        String identity = rs.getString("attidentity");
        Column.Identity id = identity == null || identity.isEmpty() ? Column.Identity.NONE
                : identity.equals("a") ? Column.Identity.ALWAYS : Column.Identity.BY_DEFAULT;
        String expression = rs.getString("expression");
        return new Named<>(name(rs), new Column(rs.getString("attname"), rs.getString("type"),
                rs.getString("collation"), rs.getBoolean("attnotnull"), generated ? null : expression, id,
                generated ? expression : null, generated ? (generatedKind.equals("s") ? "STORED" : "VIRTUAL") : null,
                !rs.getBoolean("attislocal"), rs.getString("comment")));
    }

    private static Named<Constraint> constraint(ResultSet rs) throws SQLException {
        ConstraintKind kind = switch (rs.getString("contype")) {
            case "p" -> ConstraintKind.PRIMARY_KEY;
            case "u" -> ConstraintKind.UNIQUE;
            case "c" -> ConstraintKind.CHECK;
            case "f" -> ConstraintKind.FOREIGN_KEY;
            default -> ConstraintKind.EXCLUSION;
        };
        String refName = rs.getString("ref_name");
        return new Named<>(name(rs), new Constraint(rs.getString("conname"), kind,
                withoutNotValid(rs.getString("definition")),
                refName == null ? null : new QualifiedName(rs.getString("ref_schema"), refName),
                rs.getBoolean("convalidated"), rs.getString("comment")));
    }

    private static Named<Policy> policy(ResultSet rs) throws SQLException {
        String command = switch (rs.getString("polcmd")) {
            case "r" -> "SELECT";
            case "a" -> "INSERT";
            case "w" -> "UPDATE";
            case "d" -> "DELETE";
            default -> "ALL";
        };
        return new Named<>(name(rs), new Policy(rs.getString("polname"), rs.getBoolean("polpermissive"), command,
                CatalogReader.strings(rs, "roles"), rs.getString("using_expression"),
                rs.getString("check_expression"), rs.getString("comment")));
    }

    /**
     * pg_get_indexdef writes an index of a partitioned table as {@code ON ONLY}, the form pg_dump follows with one
     * ATTACH per partition; the model keeps the form that creates it on every partition at once.
     */
    private static String onPartitions(String indexDefinition) {
        return indexDefinition.replaceFirst(" ON ONLY ", " ON ");
    }

    static String withoutNotValid(String definition) {
        return definition.endsWith(" NOT VALID") ? definition.substring(0, definition.length() - 10) : definition;
    }

    static QualifiedName name(ResultSet rs) throws SQLException {
        return new QualifiedName(rs.getString("nspname"), rs.getString("relname"));
    }

    record Named<T>(QualifiedName owner, T value) {
    }

    static <T> Map<QualifiedName, List<T>> grouped(List<Named<T>> rows) {
        Map<QualifiedName, List<T>> map = new HashMap<>();
        for (Named<T> row : rows) {
            map.computeIfAbsent(row.owner(), k -> new ArrayList<>()).add(row.value());
        }
        map.replaceAll((k, v) -> List.copyOf(v));
        return map;
    }
}
