package io.github.pgmigrate.ddl;

import io.github.pgmigrate.sql.Token;
import io.github.pgmigrate.sql.TokenKind;

/**
 * One identifier after PostgreSQL's case folding: unquoted words are folded to lower case, quoted identifiers keep
 * their case. {@code Users} and {@code users} are the same name, {@code "Users"} is another.
 *
 * @param name   the folded name
 * @param quoted whether it was written in double quotes
 * @param offset where it starts in the statement text
 */
public record Identifier(String name, boolean quoted, int offset) {

    static Identifier of(Token token) {
        return new Identifier(token.value(), token.kind() == TokenKind.QUOTED_IDENTIFIER, token.offset());
    }

    @Override
    public String toString() {
        return name;
    }
}
