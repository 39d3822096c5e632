package io.github.pgmigrate.lint;

import io.github.pgmigrate.ddl.Ddl;
import io.github.pgmigrate.sql.Statement;
import io.github.pgmigrate.sql.Token;
import java.util.List;

/**
 * A statement as the rules see it.
 *
 * @param statement     the statement
 * @param tokens        its tokens
 * @param ddl           what it is
 * @param index         its 0-based position in the file
 * @param inTransaction whether it runs inside a transaction block (the file's implicit one, or an explicit BEGIN)
 * @param transactionId identifies the transaction it runs in; statements outside any block each get their own
 */
record StatementView(Statement statement, List<Token> tokens, Ddl ddl, int index, boolean inTransaction,
                     int transactionId) {
}
