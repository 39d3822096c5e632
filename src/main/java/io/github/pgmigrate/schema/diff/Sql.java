package io.github.pgmigrate.schema.diff;

import java.util.Set;
import java.util.regex.Pattern;

/** Identifiers and literals as a person would write them: quoted only when PostgreSQL needs it. */
public final class Sql {
    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");
    /** PostgreSQL's reserved key words and those that cannot be a function or type name. */
    private static final Set<String> RESERVED = Set.of("all", "analyse", "analyze", "and", "any", "array", "as",
            "asc", "asymmetric", "authorization", "between", "bigint", "binary", "bit", "boolean", "both", "case",
            "cast", "char", "character", "check", "coalesce", "collate", "collation", "column", "concurrently",
            "constraint", "create", "cross", "current_catalog", "current_date", "current_role", "current_schema",
            "current_time", "current_timestamp", "current_user", "dec", "decimal", "default", "deferrable", "desc",
            "distinct", "do", "else", "end", "except", "exists", "extract", "false", "fetch", "float", "for",
            "foreign", "freeze", "from", "full", "grant", "greatest", "group", "grouping", "having", "ilike", "in",
            "initially", "inner", "inout", "int", "integer", "intersect", "interval", "into", "is", "isnull", "join",
            "json", "lateral", "leading", "least", "left", "like", "limit", "localtime", "localtimestamp",
            "national", "natural", "nchar", "none", "normalize", "not", "notnull", "null", "nullif", "numeric",
            "offset", "on", "only", "or", "order", "out", "outer", "overlaps", "overlay", "placing", "position",
            "precision", "primary", "real", "references", "returning", "right", "row", "select", "session_user",
            "setof", "similar", "smallint", "some", "substring", "symmetric", "system_user", "table", "tablesample",
            "then", "time", "timestamp", "to", "trailing", "treat", "trim", "true", "union", "unique", "user",
            "using", "values", "varchar", "variadic", "verbose", "when", "where", "window", "with", "xmlattributes",
            "xmlconcat", "xmlelement", "xmlexists", "xmlforest", "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot",
            "xmlserialize", "xmltable");

    private Sql() {
    }

    public static String ident(String name) {
        if (PLAIN.matcher(name).matches() && !RESERVED.contains(name)) {
            return name;
        }
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    public static String name(io.github.pgmigrate.schema.model.QualifiedName name) {
        return ident(name.schema()) + "." + ident(name.name());
    }

    /** A role name, or PUBLIC. */
    public static String role(String role) {
        return role.equals("PUBLIC") ? role : ident(role);
    }

    /** A string literal; the E'' form only when there is a backslash. */
    public static String literal(String value) {
        if (value == null) {
            return "NULL";
        }
        String quoted = value.replace("'", "''");
        return value.contains("\\") ? "E'" + quoted.replace("\\", "\\\\") + "'" : "'" + quoted + "'";
    }
}
