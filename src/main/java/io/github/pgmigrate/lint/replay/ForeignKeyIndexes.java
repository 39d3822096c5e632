package io.github.pgmigrate.lint.replay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Which of the given foreign keys no index covers: none whose leading key columns are the referencing columns. */
final class ForeignKeyIndexes {
    private static final String UNCOVERED = "SELECT c.oid::bigint, quote_ident(c.conname),"
            + " quote_ident(n.nspname) || '.' || quote_ident(t.relname),"
            + " (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY k.ord)"
            + "    FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord)"
            + "    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum),"
            + " quote_ident(rn.nspname) || '.' || quote_ident(r.relname)"
            + " FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace"
            + " JOIN pg_class r ON r.oid = c.confrelid JOIN pg_namespace rn ON rn.oid = r.relnamespace"
            + " WHERE c.contype = 'f' AND c.oid::bigint = ANY(?) AND NOT EXISTS (SELECT 1 FROM pg_index i"
            + "   WHERE i.indrelid = c.conrelid AND i.indpred IS NULL AND i.indnkeyatts >= cardinality(c.conkey)"
            + "   AND (string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(c.conkey)] @> c.conkey)";

    private ForeignKeyIndexes() {
    }

    static Map<Long, UnindexedForeignKey> uncovered(Connection connection, List<Long> foreignKeys)
            throws SQLException {
        Map<Long, UnindexedForeignKey> uncovered = new HashMap<>();
        if (foreignKeys.isEmpty()) {
            return uncovered;
        }
        try (PreparedStatement query = connection.prepareStatement(UNCOVERED)) {
            query.setArray(1, connection.createArrayOf("bigint", foreignKeys.toArray()));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    uncovered.put(rs.getLong(1), new UnindexedForeignKey(rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5)));
                }
            }
        }
        return uncovered;
    }
}
