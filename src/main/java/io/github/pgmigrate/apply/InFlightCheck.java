package io.github.pgmigrate.apply;

import io.github.pgmigrate.database.SqlLiterals;
import io.github.pgmigrate.sql.SqlTokenizer;
import io.github.pgmigrate.sql.Token;
import io.github.pgmigrate.sql.TokenKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides from the catalog what became of a statement that cannot run in a transaction and whose run stopped after
 * marking it in flight but before recording its outcome. It is asked only while this run holds the migration lock,
 * which the stopped run held on the connection that ran the statement: that backend has ended, so the statement no
 * longer runs.
 */
final class InFlightCheck {

    enum Verdict {
        /** The statement took effect: record it and go on with the next. */
        DONE,
        /** It did not take effect (or running it again gives the same result): run the cleanup, then it. */
        RUN_AGAIN,
        /** The catalog cannot tell: stop and say what to check. */
        UNKNOWN
    }

    /**
     * @param cleanup statements that remove what the interrupted statement left half-built, run before it again
     * @param reason  what the catalog showed, for the output
     */
    record Decision(Verdict verdict, List<String> cleanup, String reason) {
        static Decision done(String reason) {
            return new Decision(Verdict.DONE, List.of(), reason);
        }

        static Decision runAgain(String reason) {
            return new Decision(Verdict.RUN_AGAIN, List.of(), reason);
        }

        static Decision unknown(String reason) {
            return new Decision(Verdict.UNKNOWN, List.of(), reason);
        }
    }

    private final Connection connection;

    InFlightCheck(Connection connection) {
        this.connection = connection;
    }

    /**
     * The pid of another backend still running the statement, if any. Under the session lock there is none; behind a
     * transaction pooler, which has no session lock, the stopped run's statement may still run.
     */
    java.util.Optional<Integer> stillRunning(String statement) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT pid FROM pg_catalog.pg_stat_activity"
                + " WHERE state <> 'idle' AND pid <> pg_backend_pid() AND length(query) > 0"
                + " AND position(query IN ?) = 1 LIMIT 1")) {
            query.setString(1, statement);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? java.util.Optional.of(rs.getInt(1)) : java.util.Optional.empty();
            }
        }
    }

    Decision decide(String statement) throws SQLException {
        List<Token> tokens = SqlTokenizer.tokenize(statement);
        if (word(tokens, 0, "vacuum") || word(tokens, 0, "cluster") || word(tokens, 0, "alter")
                && word(tokens, 1, "system")) {
            return Decision.runAgain(tokens.get(0).value().toUpperCase(java.util.Locale.ROOT)
                    + " gives the same result when it runs again");
        }
        if (word(tokens, 0, "create")) {
            int i = word(tokens, 1, "unique") ? 2 : 1;
            if (word(tokens, i, "index") && word(tokens, i + 1, "concurrently")) {
                return createIndex(tokens, i + 2);
            }
            if (word(tokens, 1, "database")) {
                return created("database", tokens, 2, "SELECT 1 FROM pg_catalog.pg_database WHERE datname = ?");
            }
            if (word(tokens, 1, "tablespace")) {
                return created("tablespace", tokens, 2, "SELECT 1 FROM pg_catalog.pg_tablespace WHERE spcname = ?");
            }
        }
        if (word(tokens, 0, "drop")) {
            int i = 2;
            if (word(tokens, 1, "index") && word(tokens, 2, "concurrently")) {
                i = 3;
            }
            i = skipIf(tokens, i, "if", "exists");
            if (word(tokens, 1, "index")) {
                String name = qualifiedName(tokens, i);
                return name == null ? unreadable(statement) : exists("SELECT to_regclass(?) IS NOT NULL", name)
                        ? Decision.runAgain("index " + name + " still exists: the drop did not complete")
                        : Decision.done("index " + name + " no longer exists");
            }
            if (word(tokens, 1, "database") || word(tokens, 1, "tablespace")) {
                String kind = tokens.get(1).value();
                String name = identifier(tokens, i);
                String sql = kind.equals("database") ? "SELECT 1 FROM pg_catalog.pg_database WHERE datname = ?"
                        : "SELECT 1 FROM pg_catalog.pg_tablespace WHERE spcname = ?";
                return name == null ? unreadable(statement) : exists(sql, name)
                        ? Decision.runAgain(kind + " " + name + " still exists: the drop did not complete")
                        : Decision.done(kind + " " + name + " no longer exists");
            }
        }
        if (word(tokens, 0, "reindex")) {
            return reindex(tokens);
        }
        return unreadable(statement);
    }

    private Decision createIndex(List<Token> tokens, int i) throws SQLException {
        i = skipIf(tokens, i, "if", "not", "exists");
        if (word(tokens, i, "on")) {
            return Decision.unknown("the index has no name, so the catalog cannot show whether this statement built"
                    + " it. Check the table's indexes (\\d in psql): an INVALID one is a left-over to drop with"
                    + " DROP INDEX CONCURRENTLY; give the index a name in the file so that a later run can decide"
                    + " by itself");
        }
        String name = identifier(tokens, i);
        int on = i + 1;
        if (name == null || !word(tokens, on, "on")) {
            return unreadable(joined(tokens));
        }
        int tableAt = word(tokens, on + 1, "only") ? on + 2 : on + 1;
        String table = qualifiedName(tokens, tableAt);
        if (table == null) {
            return unreadable(joined(tokens));
        }
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT i.indisvalid, quote_ident(n.nspname) || '.' || quote_ident(c.relname)"
                        + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_index i ON i.indexrelid = c.oid"
                        + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE c.relname = ? AND c.relnamespace ="
                        + " (SELECT relnamespace FROM pg_catalog.pg_class WHERE oid = to_regclass(?))")) {
            query.setString(1, name);
            query.setString(2, table);
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    return Decision.runAgain("index " + name + " does not exist: the statement stopped before"
                            + " creating it");
                }
                if (rs.getBoolean(1)) {
                    return Decision.done("index " + rs.getString(2) + " exists and is valid");
                }
                String qualified = rs.getString(2);
                return new Decision(Verdict.RUN_AGAIN, List.of("DROP INDEX CONCURRENTLY IF EXISTS " + qualified),
                        "index " + qualified + " exists but is INVALID (its build was interrupted): dropping it and"
                                + " building it again");
            }
        }
    }

    private Decision reindex(List<Token> tokens) throws SQLException {
        int i = 1;
        if (i < tokens.size() && tokens.get(i).isSymbol("(")) {
            while (i < tokens.size() && !tokens.get(i).isSymbol(")")) {
                i++;
            }
            i++;
        }
        boolean index = word(tokens, i, "index");
        boolean table = word(tokens, i, "table");
        String name = qualifiedName(tokens, word(tokens, i + 1, "concurrently") ? i + 2 : i + 1);
        List<String> cleanup = new ArrayList<>();
        if ((index || table) && name != null) {
            // REINDEX CONCURRENTLY builds <name>_ccnew and retires <name>_ccold; an interrupted one leaves them
            // INVALID. Only such INVALID copies on the same table are dropped.
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) FROM pg_catalog.pg_index i"
                            + " JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid"
                            + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                            + " WHERE NOT i.indisvalid AND c.relname ~ '_cc(new|old)[0-9]*$' AND i.indrelid = "
                            + (index ? "(SELECT indrelid FROM pg_catalog.pg_index WHERE indexrelid = to_regclass(?))"
                            : "to_regclass(?)") + " ORDER BY 1")) {
                query.setString(1, name);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        cleanup.add("DROP INDEX CONCURRENTLY IF EXISTS " + rs.getString(1));
                    }
                }
            }
        }
        return new Decision(Verdict.RUN_AGAIN, cleanup, "REINDEX gives the same result when it runs again"
                + (cleanup.isEmpty() ? "" : "; dropping the INVALID copies the interrupted run left: "
                + cleanup.size()));
    }

    private Decision created(String kind, List<Token> tokens, int i, String sql) throws SQLException {
        String name = identifier(tokens, i);
        if (name == null) {
            return unreadable(joined(tokens));
        }
        return exists(sql, name) ? Decision.done(kind + " " + name + " exists")
                : Decision.runAgain(kind + " " + name + " does not exist: the statement did not complete");
    }

    private boolean exists(String sql, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, name);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() && !"f".equals(rs.getString(1)) && !"false".equals(rs.getString(1));
            }
        }
    }

    private static Decision unreadable(String statement) {
        String start = statement.strip();
        int cut = start.indexOf(' ', Math.min(start.length(), 40));
        return Decision.unknown("pgmigrate cannot tell from the catalog whether \""
                + (cut < 0 ? start : start.substring(0, cut) + " …") + "\" took effect. Check its effect in the"
                + " database yourself");
    }

    private static String joined(List<Token> tokens) {
        StringBuilder text = new StringBuilder();
        for (Token token : tokens) {
            text.append(text.length() == 0 ? "" : " ").append(token.text());
        }
        return text.toString();
    }

    /** The index after the words at {@code i} when they are all there, else {@code i}. */
    private static int skipIf(List<Token> tokens, int i, String... words) {
        for (int k = 0; k < words.length; k++) {
            if (!word(tokens, i + k, words[k])) {
                return i;
            }
        }
        return i + words.length;
    }

    /** A plain name as the catalog stores it (folded unless quoted), or null. */
    private static String identifier(List<Token> tokens, int i) {
        return i < tokens.size() && tokens.get(i).isIdentifier() ? tokens.get(i).value() : null;
    }

    /** A possibly schema-qualified name as SQL text that {@code to_regclass} reads, or null. */
    private static String qualifiedName(List<Token> tokens, int i) {
        if (identifier(tokens, i) == null) {
            return null;
        }
        StringBuilder name = new StringBuilder(quoted(tokens.get(i)));
        while (i + 2 < tokens.size() && tokens.get(i + 1).isSymbol(".") && tokens.get(i + 2).isIdentifier()) {
            name.append('.').append(quoted(tokens.get(i + 2)));
            i += 2;
        }
        return name.toString();
    }

    private static String quoted(Token token) {
        return token.kind() == TokenKind.QUOTED_IDENTIFIER ? SqlLiterals.identifier(token.value()) : token.value();
    }

    private static boolean word(List<Token> tokens, int i, String word) {
        return i < tokens.size() && tokens.get(i).isWord(word);
    }
}
