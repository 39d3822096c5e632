package io.github.pgmigrate.lint;

import io.github.pgmigrate.sql.Token;
import io.github.pgmigrate.sql.TokenKind;
import java.util.List;
import java.util.Set;

/**
 * Decides whether a column DEFAULT expression is known to be non-volatile, which makes {@code ADD COLUMN … DEFAULT}
 * metadata-only on PostgreSQL 11+. Literals, casts, operators, the SQL-standard niladic functions
 * ({@code CURRENT_TIMESTAMP}, …) and calls to built-in stable/immutable functions are non-volatile; calls to the
 * known volatile built-ins are volatile; any other call (a user function, a schema-qualified call) cannot be shown
 * non-volatile and is treated as a rewrite.
 */
final class DefaultVolatility {
    private static final Set<String> VOLATILE = Set.of(
            "random", "random_normal", "setseed", "clock_timestamp", "timeofday", "gen_random_uuid", "uuidv4",
            "uuidv7", "uuid_generate_v1", "uuid_generate_v1mc", "uuid_generate_v4", "gen_random_bytes", "nextval",
            "setval", "txid_current", "pg_current_xact_id", "currval", "lastval");
    /** Built-ins that are STABLE or IMMUTABLE in pg_proc, plus the syntactic forms that look like calls. */
    private static final Set<String> NON_VOLATILE = Set.of(
            "now", "transaction_timestamp", "statement_timestamp", "current_date", "current_timestamp",
            "localtimestamp", "localtime", "current_time", "cast", "coalesce", "nullif", "greatest", "least", "array",
            "row", "lower", "upper", "trim", "btrim", "ltrim", "rtrim", "length", "char_length", "concat", "concat_ws",
            "substr", "substring", "replace", "md5", "to_char", "to_date", "to_timestamp", "to_number", "date_trunc",
            "date_part", "extract", "make_date", "make_time", "make_timestamp", "make_timestamptz", "make_interval",
            "timezone", "abs", "round", "floor", "ceil", "ceiling", "trunc", "power", "sqrt", "jsonb_build_object",
            "jsonb_build_array", "json_build_object", "json_build_array", "to_jsonb", "to_json", "array_fill",
            "string_to_array", "array_to_string", "current_setting", "current_user", "session_user", "current_role",
            "current_schema", "current_database", "inet_client_addr", "version", "numeric", "int4", "int8", "text",
            "varchar", "bpchar", "interval", "timestamp", "timestamptz", "date", "time", "timetz", "bool", "float8",
            "decimal", "character", "char", "bit", "varbit");

    enum Kind { NULL, NON_VOLATILE, VOLATILE, UNKNOWN }

    /** The verdict, and the function that decided it when it is VOLATILE or UNKNOWN. */
    record Verdict(Kind kind, String function) {
    }

    private DefaultVolatility() {
    }

    static Verdict of(List<Token> expression) {
        if (expression.size() == 1 && expression.get(0).isWord("null")) {
            return new Verdict(Kind.NULL, null);
        }
        boolean afterCast = false;
        for (int i = 0; i < expression.size(); i++) {
            Token t = expression.get(i);
            if (t.isSymbol("::")) {
                afterCast = true;
                continue;
            }
            boolean call = i + 1 < expression.size() && expression.get(i + 1).isSymbol("(");
            boolean qualifiedCall = i + 3 < expression.size() && expression.get(i + 1).isSymbol(".")
                    && expression.get(i + 2).isIdentifier() && expression.get(i + 3).isSymbol("(");
            if (afterCast && t.isIdentifier()) {
                // A type name after ::, possibly with a modifier list such as varchar(10).
                continue;
            }
            afterCast = false;
            if (qualifiedCall) {
                String schema = t.value();
                String function = expression.get(i + 2).value();
                if (schema.equals("pg_catalog") && VOLATILE.contains(function)) {
                    return new Verdict(Kind.VOLATILE, schema + "." + function);
                }
                if (!(schema.equals("pg_catalog") && NON_VOLATILE.contains(function))) {
                    return new Verdict(Kind.UNKNOWN, schema + "." + function);
                }
                i += 2;
            } else if (call && t.kind() == TokenKind.WORD) {
                if (VOLATILE.contains(t.value())) {
                    return new Verdict(Kind.VOLATILE, t.value());
                }
                if (!NON_VOLATILE.contains(t.value())) {
                    return new Verdict(Kind.UNKNOWN, t.value());
                }
            } else if (call && t.kind() == TokenKind.QUOTED_IDENTIFIER) {
                return new Verdict(Kind.UNKNOWN, t.value());
            }
        }
        return new Verdict(Kind.NON_VOLATILE, null);
    }
}
