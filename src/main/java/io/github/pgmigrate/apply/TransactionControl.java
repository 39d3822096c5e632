package io.github.pgmigrate.apply;

import io.github.pgmigrate.ddl.Ddl;
import io.github.pgmigrate.ddl.DdlRecognizer;
import io.github.pgmigrate.sql.SqlTokenizer;
import io.github.pgmigrate.sql.Token;
import java.util.List;
import java.util.Optional;

/**
 * Recognises statements that open, end or abort a transaction themselves (a file's own {@code BEGIN} …
 * {@code COMMIT}). In a file that pgmigrate runs in a transaction they would commit part of the file on its own and
 * run the rest outside the transaction, while the revision row is written only at the end. Savepoints ({@code
 * SAVEPOINT}, {@code RELEASE}, {@code ROLLBACK TO}) work inside the file's transaction and are not such statements.
 * Only a statement's first words count ({@link DdlRecognizer}, shared with lint), so a function body's {@code BEGIN …
 * END} never does. COMMIT PREPARED and ROLLBACK PREPARED cannot run in a transaction at all and are refused as such.
 */
final class TransactionControl {
    private TransactionControl() {
    }

    /** What the statement does to the file's transaction, e.g. "COMMIT commits …", or empty. */
    static Optional<String> effect(String statement) {
        List<Token> tokens = SqlTokenizer.tokenize(statement);
        if (word(tokens, 0, "prepare") && word(tokens, 1, "transaction")) {
            return Optional.of("PREPARE TRANSACTION is two-phase commit, which cannot take part in the file's"
                    + " transaction");
        }
        Ddl ddl = DdlRecognizer.recognize(tokens);
        if (ddl instanceof Ddl.Begin) {
            return Optional.of(upper(tokens, word(tokens, 0, "start") ? 2 : 1) + " opens a transaction, but the"
                    + " file already runs in one: PostgreSQL only warns, and the COMMIT that goes with it ends the"
                    + " file's transaction half-way");
        }
        if (ddl instanceof Ddl.Commit) {
            return Optional.of(upper(tokens, 1) + " commits the file's transaction half-way: the statements before"
                    + " it stay applied even when a later one fails, and those after it run outside the transaction,"
                    + " while the revision row is written only at the end");
        }
        if (ddl instanceof Ddl.Rollback) {
            return Optional.of(upper(tokens, 1) + " rolls the file's transaction back half-way: the statements"
                    + " before it are undone and those after it run outside the transaction");
        }
        return Optional.empty();
    }

    private static String upper(List<Token> tokens, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(count, tokens.size()); i++) {
            text.append(i == 0 ? "" : " ").append(tokens.get(i).value().toUpperCase(java.util.Locale.ROOT));
        }
        return text.toString();
    }

    private static boolean word(List<Token> tokens, int index, String word) {
        return index < tokens.size() && tokens.get(index).isWord(word);
    }
}
