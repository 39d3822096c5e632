package io.github.pgmigrate.sql;

/**
 * A token of a statement.
 *
 * @param kind   its lexical class
 * @param text   the exact source text
 * @param value  the normalised value: lower-cased words, unquoted identifiers, string contents
 * @param offset character offset of the token in the text that was tokenized
 */
public record Token(TokenKind kind, String text, String value, int offset) {

    /** Whether this is the unquoted keyword (or identifier) {@code word}, given in lower case. */
    public boolean isWord(String word) {
        return kind == TokenKind.WORD && value.equals(word);
    }

    /** Whether this is the punctuation or operator {@code symbol}. */
    public boolean isSymbol(String symbol) {
        return (kind == TokenKind.PUNCTUATION || kind == TokenKind.OPERATOR) && text.equals(symbol);
    }

    /** Whether this token names something: an unquoted word or a quoted identifier. */
    public boolean isIdentifier() {
        return kind == TokenKind.WORD || kind == TokenKind.QUOTED_IDENTIFIER;
    }
}
