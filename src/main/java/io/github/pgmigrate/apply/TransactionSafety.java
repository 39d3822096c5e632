package io.github.pgmigrate.apply;

import io.github.pgmigrate.sql.SqlTokenizer;
import io.github.pgmigrate.sql.Token;
import java.util.List;
import java.util.Optional;

/**
 * Recognises statements PostgreSQL refuses to run inside a transaction block, from their tokens (never by pattern
 * matching over raw SQL, so strings and comments cannot fool it). Such a statement in a file that runs in a
 * transaction would fail half-way; pgmigrate refuses the file before anything runs.
 */
public final class TransactionSafety {
    /** PostgreSQL 12: ALTER TYPE … ADD VALUE became allowed in a transaction block. */
    private static final int ADD_VALUE_IN_TRANSACTION_SINCE = 120000;

    private TransactionSafety() {
    }

    /**
     * What makes the statement non-transactional (e.g. {@code CREATE INDEX CONCURRENTLY}), or empty when it may run
     * in a transaction.
     *
     * @param serverVersionNum {@code server_version_num} of the target, e.g. 170002
     */
    public static Optional<String> nonTransactionalCommand(String statement, int serverVersionNum) {
        List<Token> tokens = SqlTokenizer.tokenize(statement);
        if (tokens.isEmpty()) {
            return Optional.empty();
        }
        Token first = tokens.get(0);
        if (first.isWord("vacuum")) {
            return Optional.of("VACUUM");
        }
        if (first.isWord("create")) {
            return create(tokens);
        }
        if (first.isWord("drop")) {
            return drop(tokens);
        }
        if (first.isWord("reindex")) {
            return reindex(tokens);
        }
        if (first.isWord("alter")) {
            return alter(tokens, serverVersionNum);
        }
        if (first.isWord("cluster") && namesNoTable(tokens)) {
            return Optional.of("CLUSTER without a table");
        }
        return Optional.empty();
    }

    private static boolean namesNoTable(List<Token> tokens) {
        int i = skipOptions(tokens, 1);
        for (; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (!token.isWord("verbose") && !token.isSymbol(";")) {
                return false;
            }
        }
        return true;
    }

    /** The index after a parenthesized option list at {@code i}, or {@code i} when there is none. */
    private static int skipOptions(List<Token> tokens, int i) {
        if (i >= tokens.size() || !tokens.get(i).isSymbol("(")) {
            return i;
        }
        int depth = 0;
        for (; i < tokens.size(); i++) {
            if (tokens.get(i).isSymbol("(")) {
                depth++;
            } else if (tokens.get(i).isSymbol(")") && --depth == 0) {
                return i + 1;
            }
        }
        return i;
    }

    private static Optional<String> create(List<Token> tokens) {
        int i = 1;
        if (isWord(tokens, i, "unique")) {
            i++;
        }
        if (isWord(tokens, i, "index") && isWord(tokens, i + 1, "concurrently")) {
            return Optional.of("CREATE INDEX CONCURRENTLY");
        }
        if (isWord(tokens, 1, "database")) {
            return Optional.of("CREATE DATABASE");
        }
        if (isWord(tokens, 1, "tablespace")) {
            return Optional.of("CREATE TABLESPACE");
        }
        if (isWord(tokens, 1, "subscription") && !createsNoSlot(tokens)) {
            return Optional.of("CREATE SUBSCRIPTION (which creates a replication slot)");
        }
        return Optional.empty();
    }

    private static boolean createsNoSlot(List<Token> tokens) {
        for (int i = 0; i + 2 < tokens.size(); i++) {
            if (tokens.get(i).isWord("create_slot") && tokens.get(i + 1).text().equals("=")
                    && (tokens.get(i + 2).isWord("false") || "false".equalsIgnoreCase(tokens.get(i + 2).value()))) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> drop(List<Token> tokens) {
        if (isWord(tokens, 1, "index") && isWord(tokens, 2, "concurrently")) {
            return Optional.of("DROP INDEX CONCURRENTLY");
        }
        if (isWord(tokens, 1, "database")) {
            return Optional.of("DROP DATABASE");
        }
        if (isWord(tokens, 1, "tablespace")) {
            return Optional.of("DROP TABLESPACE");
        }
        return Optional.empty();
    }

    private static Optional<String> reindex(List<Token> tokens) {
        int i = skipOptions(tokens, 1);
        if (isWord(tokens, i, "schema") || isWord(tokens, i, "database") || isWord(tokens, i, "system")) {
            return Optional.of("REINDEX " + tokens.get(i).value().toUpperCase(java.util.Locale.ROOT));
        }
        if (isWord(tokens, i + 1, "concurrently")) {
            return Optional.of("REINDEX CONCURRENTLY");
        }
        return Optional.empty();
    }

    private static Optional<String> alter(List<Token> tokens, int serverVersionNum) {
        if (isWord(tokens, 1, "system")) {
            return Optional.of("ALTER SYSTEM");
        }
        if (isWord(tokens, 1, "database")) {
            for (int i = 2; i + 1 < tokens.size(); i++) {
                if (tokens.get(i).isWord("set") && tokens.get(i + 1).isWord("tablespace")) {
                    return Optional.of("ALTER DATABASE … SET TABLESPACE");
                }
            }
        }
        if (isWord(tokens, 1, "type") && serverVersionNum < ADD_VALUE_IN_TRANSACTION_SINCE) {
            for (int i = 2; i + 1 < tokens.size(); i++) {
                if (tokens.get(i).isWord("add") && tokens.get(i + 1).isWord("value")) {
                    return Optional.of("ALTER TYPE … ADD VALUE (on PostgreSQL before 12)");
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isWord(List<Token> tokens, int index, String word) {
        return index < tokens.size() && tokens.get(index).isWord(word);
    }
}
