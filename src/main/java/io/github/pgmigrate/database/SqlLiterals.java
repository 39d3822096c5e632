package io.github.pgmigrate.database;

import java.time.OffsetDateTime;

/**
 * SQL literals for values that are folded into a pipeline as text (bookkeeping statements travel with the migration
 * statements and cannot carry bind parameters there). Strings use the {@code E''} form, which means the same whatever
 * {@code standard_conforming_strings} says.
 */
public final class SqlLiterals {
    private SqlLiterals() {
    }

    public static String string(String value) {
        if (value == null) {
            return "NULL";
        }
        return "E'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }

    public static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    public static String timestamp(OffsetDateTime time) {
        return time == null ? "NULL" : string(time.toString()) + "::timestamptz";
    }
}
