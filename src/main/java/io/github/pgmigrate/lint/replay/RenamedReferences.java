package io.github.pgmigrate.lint.replay;

import io.github.pgmigrate.ddl.AlterAction;
import io.github.pgmigrate.ddl.Ddl;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Routines whose body still names a table or column a rename is about to change. PostgreSQL follows a rename in
 * views, defaults, constraints and policies (they hold the object's identity), but a PL/pgSQL or non-atomic SQL body
 * is text: it fails the next time it runs. Matched as whole words, case-insensitively; for a column, the body must
 * name its table too.
 */
final class RenamedReferences {
    private static final String BODIES = "SELECT format('%I.%I(%s)', n.nspname, p.proname,"
            + " pg_get_function_identity_arguments(p.oid)) FROM pg_proc p"
            + " JOIN pg_namespace n ON n.oid = p.pronamespace"
            + " WHERE p.prokind IN ('f', 'p') AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'"
            + " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid"
            + "   AND d.deptype = 'e')"
            + " AND p.prosrc ~* ? AND p.prosrc ~* ? ORDER BY 1";

    private RenamedReferences() {
    }

    /** The routines that name what {@code ddl} renames, as {@code schema.f(argument types)}; empty for other DDL. */
    static List<String> of(Connection connection, Ddl ddl) throws SQLException {
        if (!(ddl instanceof Ddl.AlterTable alter) || alter.name() == null) {
            return List.of();
        }
        String table = alter.name().name();
        List<String> found = new ArrayList<>();
        for (AlterAction action : alter.actions()) {
            if (action instanceof AlterAction.RenameTable) {
                found.addAll(naming(connection, table, table));
            } else if (action instanceof AlterAction.RenameColumn rename) {
                found.addAll(naming(connection, table, rename.from().name()));
            }
        }
        return found.stream().distinct().toList();
    }

    private static List<String> naming(Connection connection, String table, String name) throws SQLException {
        List<String> routines = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(BODIES)) {
            query.setString(1, word(table));
            query.setString(2, word(name));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    routines.add(rs.getString(1));
                }
            }
        }
        return routines;
    }

    /** A PostgreSQL regular expression matching {@code name} as a whole word. */
    private static String word(String name) {
        return "\\m" + name.replaceAll("[.^$*+?()\\[\\]{}|\\\\]", "\\\\$0") + "\\M";
    }
}
