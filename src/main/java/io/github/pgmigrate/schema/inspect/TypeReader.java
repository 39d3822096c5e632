package io.github.pgmigrate.schema.inspect;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pgmigrate.schema.model.Attribute;
import io.github.pgmigrate.schema.model.CompositeType;
import io.github.pgmigrate.schema.model.Domain;
import io.github.pgmigrate.schema.model.DomainCheck;
import io.github.pgmigrate.schema.model.EnumType;
import io.github.pgmigrate.schema.model.QualifiedName;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Enums, domains and composite types: one query each. */
final class TypeReader {
    private static final String TYPES = " FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace"
            + " WHERE n.nspname = ANY(:schemas) AND NOT " + CatalogSql.extensionMember("pg_type", "t.oid");

    private final CatalogReader catalog;

    TypeReader(CatalogReader catalog) {
        this.catalog = catalog;
    }

    List<EnumType> enums() throws SQLException {
        return catalog.rows("SELECT n.nspname, t.typname, pg_get_userbyid(t.typowner) AS owner,"
                + " ARRAY(SELECT e.enumlabel::text FROM pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder)"
                + "   AS labels,"
                + " obj_description(t.oid, 'pg_type') AS comment"
                + TYPES + " AND t.typtype = 'e' ORDER BY 1, 2",
                rs -> new EnumType(name(rs.getString("nspname"), rs.getString("typname")), rs.getString("owner"),
                        CatalogReader.strings(rs, "labels"), rs.getString("comment")));
    }

    List<Domain> domains() throws SQLException {
        return catalog.rows("SELECT n.nspname, t.typname, pg_get_userbyid(t.typowner) AS owner,"
                + " format_type(t.typbasetype, t.typtypmod) AS base_type,"
                + " " + CatalogSql.collation("t.typcollation", "b.typcollation") + " AS collation,"
                + " pg_get_expr(t.typdefaultbin, 0) AS default_expression, t.typnotnull,"
                + " (SELECT json_agg(json_build_array(co.conname, pg_get_constraintdef(co.oid), co.convalidated)"
                + "   ORDER BY co.conname) FROM pg_constraint co WHERE co.contypid = t.oid AND co.contype = 'c')::text"
                + "   AS checks,"
                + " obj_description(t.oid, 'pg_type') AS comment"
                + TYPES.replace(" WHERE", " JOIN pg_type b ON b.oid = t.typbasetype WHERE")
                + " AND t.typtype = 'd' ORDER BY 1, 2",
                rs -> {
                    List<DomainCheck> checks = new ArrayList<>();
                    for (JsonNode check : CatalogReader.json(rs, "checks")) {
                        checks.add(new DomainCheck(check.get(0).asText(),
                                TableReader.withoutNotValid(check.get(1).asText()), check.get(2).asBoolean()));
                    }
                    return new Domain(name(rs.getString("nspname"), rs.getString("typname")), rs.getString("owner"),
                            rs.getString("base_type"), rs.getString("collation"), rs.getString("default_expression"),
                            rs.getBoolean("typnotnull"), List.copyOf(checks), rs.getString("comment"));
                });
    }

    List<CompositeType> composites() throws SQLException {
        return catalog.rows("SELECT n.nspname, t.typname, pg_get_userbyid(t.typowner) AS owner,"
                + " (SELECT json_agg(json_build_array(a.attname, format_type(a.atttypid, a.atttypmod),"
                + "   " + CatalogSql.collation("a.attcollation", "at.typcollation") + ") ORDER BY a.attnum)"
                + "   FROM pg_attribute a JOIN pg_type at ON at.oid = a.atttypid"
                + "   WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped)::text AS attributes,"
                + " obj_description(t.oid, 'pg_type') AS comment"
                + TYPES + " AND t.typtype = 'c' AND (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c'"
                + " ORDER BY 1, 2",
                rs -> {
                    List<Attribute> attributes = new ArrayList<>();
                    for (JsonNode a : CatalogReader.json(rs, "attributes")) {
                        attributes.add(new Attribute(a.get(0).asText(), a.get(1).asText(),
                                a.get(2).isNull() ? null : a.get(2).asText()));
                    }
                    return new CompositeType(name(rs.getString("nspname"), rs.getString("typname")),
                            rs.getString("owner"), List.copyOf(attributes), rs.getString("comment"));
                });
    }

    private static QualifiedName name(String schema, String name) {
        return new QualifiedName(schema, name);
    }
}
