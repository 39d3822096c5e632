package io.github.pgmigrate.ddl;

import io.github.pgmigrate.sql.Token;
import java.util.ArrayList;
import java.util.List;

/** A read position over the tokens of one statement, with the look-ahead helpers the recognizer needs. */
final class TokenCursor {
    private final List<Token> tokens;
    private int pos;

    TokenCursor(List<Token> tokens) {
        this.tokens = tokens;
    }

    int position() {
        return pos;
    }

    void reset(int position) {
        pos = position;
    }

    boolean atEnd() {
        return pos >= tokens.size() || tokens.get(pos).isSymbol(";");
    }

    Token peek() {
        return peek(0);
    }

    Token peek(int ahead) {
        int i = pos + ahead;
        return i < tokens.size() ? tokens.get(i) : null;
    }

    Token next() {
        return pos < tokens.size() ? tokens.get(pos++) : null;
    }

    boolean peekWord(String word) {
        Token t = peek();
        return t != null && t.isWord(word);
    }

    /** Whether the next tokens are exactly these unquoted words. */
    boolean peekWords(String... words) {
        for (int i = 0; i < words.length; i++) {
            Token t = peek(i);
            if (t == null || !t.isWord(words[i])) {
                return false;
            }
        }
        return true;
    }

    boolean peekSymbol(String symbol) {
        Token t = peek();
        return t != null && t.isSymbol(symbol);
    }

    /** Consumes the word when it comes next. */
    boolean accept(String word) {
        Token t = peek();
        if (t == null || !t.isWord(word)) {
            return false;
        }
        pos++;
        return true;
    }

    /** Consumes the two words when they come next. */
    boolean accept(String first, String second) {
        Token a = peek();
        Token b = peek(1);
        if (a == null || b == null || !a.isWord(first) || !b.isWord(second)) {
            return false;
        }
        pos += 2;
        return true;
    }

    /** Consumes the words when they all come next. */
    boolean accept(String... words) {
        if (!peekWords(words)) {
            return false;
        }
        pos += words.length;
        return true;
    }

    boolean acceptSymbol(String symbol) {
        if (!peekSymbol(symbol)) {
            return false;
        }
        pos++;
        return true;
    }

    /** Consumes a balanced parenthesised group starting at the current {@code (}, returning the tokens inside it. */
    List<Token> parenthesised() {
        List<Token> inside = new ArrayList<>();
        if (!acceptSymbol("(")) {
            return inside;
        }
        int depth = 1;
        while (pos < tokens.size()) {
            Token t = tokens.get(pos++);
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")") && --depth == 0) {
                return inside;
            }
            inside.add(t);
        }
        return inside;
    }

    /** Consumes tokens up to (not including) the next {@code ,} at depth zero, a closing bracket or the end. */
    List<Token> untilComma() {
        List<Token> taken = new ArrayList<>();
        int depth = 0;
        while (!atEnd()) {
            Token t = peek();
            if (depth == 0 && (t.isSymbol(",") || t.isSymbol(")"))) {
                break;
            }
            if (t.isSymbol("(") || t.isSymbol("[")) {
                depth++;
            } else if (t.isSymbol(")") || t.isSymbol("]")) {
                depth--;
            }
            taken.add(next());
        }
        return taken;
    }

    /** Skips tokens up to the next {@code ,} at depth zero or the end. */
    void skipToComma() {
        untilComma();
    }

    /** An identifier (keyword-looking words included) at the cursor, consumed, or null. */
    Identifier identifier() {
        Token t = peek();
        if (t == null || !t.isIdentifier()) {
            return null;
        }
        pos++;
        return Identifier.of(t);
    }

    /** A possibly schema-qualified name ({@code a}, {@code s.a}, {@code db.s.a}), consumed, or null. */
    QualifiedName qualifiedName() {
        Identifier first = identifier();
        if (first == null) {
            return null;
        }
        List<Identifier> parts = new ArrayList<>(List.of(first));
        while (peekSymbol(".") && peek(1) != null && peek(1).isIdentifier()) {
            pos++;
            parts.add(identifier());
        }
        return QualifiedName.of(parts);
    }

    /** Consumes a comma-separated list of qualified names. */
    List<QualifiedName> qualifiedNames() {
        List<QualifiedName> names = new ArrayList<>();
        do {
            accept("only");
            QualifiedName name = qualifiedName();
            if (name == null) {
                break;
            }
            names.add(name);
            acceptSymbol("*");
        } while (acceptSymbol(","));
        return names;
    }

    /** The remaining tokens of the statement, consumed. */
    List<Token> rest() {
        List<Token> taken = new ArrayList<>();
        while (!atEnd()) {
            taken.add(next());
        }
        return taken;
    }

    /**
     * The span from the token at {@code from} to the last token consumed since (just that first token when none was
     * consumed), or an empty span at the end of the statement when there is no token there.
     */
    Span spanFrom(int from) {
        if (tokens.isEmpty()) {
            return new Span(0, 0);
        }
        Token first = tokens.get(Math.min(from, tokens.size() - 1));
        Token last = tokens.get(Math.max(Math.min(from, tokens.size() - 1), Math.min(pos, tokens.size()) - 1));
        return Span.of(first, last);
    }
}
