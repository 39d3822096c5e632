package io.github.pgmigrate.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * PostgreSQL's lexical rules over one statement: words, quoted identifiers, every form of string constant, numbers,
 * parameters, operators and punctuation, with comments dropped. It never fails: an unterminated construct simply runs
 * to the end of the text (the splitter has already refused such files).
 */
public final class SqlTokenizer {
    private static final String OPERATOR_CHARS = "+-*/<>=~!@#%^&|`?";

    private final String sql;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;

    private SqlTokenizer(String sql) {
        this.sql = sql;
    }

    public static List<Token> tokenize(String sql) {
        SqlTokenizer tokenizer = new SqlTokenizer(sql);
        tokenizer.run();
        return tokenizer.tokens;
    }

    private void run() {
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (sql.startsWith("--", pos)) {
                while (pos < sql.length() && sql.charAt(pos) != '\n' && sql.charAt(pos) != '\r') {
                    pos++;
                }
            } else if (sql.startsWith("/*", pos)) {
                skipBlockComment();
            } else if (c == '\'') {
                quotedString(pos, pos, false);
            } else if (c == '"') {
                quotedIdentifier(pos, pos);
            } else if (c == '$') {
                dollar();
            } else if ((c == 'E' || c == 'e') && peek(1) == '\'') {
                quotedString(pos, pos + 1, true);
            } else if ((c == 'B' || c == 'b' || c == 'X' || c == 'x' || c == 'N' || c == 'n') && peek(1) == '\'') {
                quotedString(pos, pos + 1, false);
            } else if ((c == 'U' || c == 'u') && peek(1) == '&' && (peek(2) == '\'' || peek(2) == '"')) {
                if (peek(2) == '\'') {
                    quotedString(pos, pos + 2, false);
                } else {
                    quotedIdentifier(pos, pos + 2);
                }
            } else if (StatementSplitter.isIdentifierStart(c)) {
                word();
            } else if (isDigit(c) || (c == '.' && isDigit(peek(1)))) {
                number();
            } else if ("()[],;.".indexOf(c) >= 0) {
                add(TokenKind.PUNCTUATION, pos, pos + 1, String.valueOf(c));
            } else if (c == ':') {
                int end = peek(1) == ':' ? pos + 2 : pos + 1;
                add(TokenKind.OPERATOR, pos, end, sql.substring(pos, end));
            } else if (OPERATOR_CHARS.indexOf(c) >= 0) {
                operator();
            } else {
                add(TokenKind.OPERATOR, pos, pos + 1, String.valueOf(c));
            }
        }
    }

    private char peek(int ahead) {
        int i = pos + ahead;
        return i < sql.length() ? sql.charAt(i) : '\0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void add(TokenKind kind, int start, int end, String value) {
        tokens.add(new Token(kind, sql.substring(start, end), value, start));
        pos = end;
    }

    private void skipBlockComment() {
        int depth = 0;
        while (pos < sql.length()) {
            if (sql.startsWith("/*", pos)) {
                depth++;
                pos += 2;
            } else if (sql.startsWith("*/", pos)) {
                pos += 2;
                if (--depth == 0) {
                    return;
                }
            } else {
                pos++;
            }
        }
    }

    private void quotedString(int start, int quote, boolean escapes) {
        StringBuilder value = new StringBuilder();
        int i = quote + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (escapes && c == '\\' && i + 1 < sql.length()) {
                value.append(sql.charAt(i + 1));
                i += 2;
            } else if (c == '\'') {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
                    value.append('\'');
                    i += 2;
                } else {
                    i++;
                    break;
                }
            } else {
                value.append(c);
                i++;
            }
        }
        add(TokenKind.STRING, start, Math.min(i, sql.length()), value.toString());
    }

    private void quotedIdentifier(int start, int quote) {
        StringBuilder value = new StringBuilder();
        int i = quote + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '"') {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == '"') {
                    value.append('"');
                    i += 2;
                    continue;
                }
                i++;
                break;
            }
            value.append(c);
            i++;
        }
        add(TokenKind.QUOTED_IDENTIFIER, start, Math.min(i, sql.length()), value.toString());
    }

    private void dollar() {
        int i = pos + 1;
        if (isDigit(peek(1))) {
            while (i < sql.length() && isDigit(sql.charAt(i))) {
                i++;
            }
            add(TokenKind.PARAMETER, pos, i, sql.substring(pos, i));
            return;
        }
        if (i < sql.length() && StatementSplitter.isIdentifierStart(sql.charAt(i))) {
            while (i < sql.length() && StatementSplitter.isIdentifierChar(sql.charAt(i))) {
                i++;
            }
        }
        if (i < sql.length() && sql.charAt(i) == '$') {
            String tag = sql.substring(pos, i + 1);
            int close = sql.indexOf(tag, i + 1);
            int bodyEnd = close < 0 ? sql.length() : close;
            int end = close < 0 ? sql.length() : close + tag.length();
            add(TokenKind.STRING, pos, end, sql.substring(i + 1, bodyEnd));
        } else {
            add(TokenKind.OPERATOR, pos, pos + 1, "$");
        }
    }

    private void word() {
        int i = pos + 1;
        while (i < sql.length() && (StatementSplitter.isIdentifierChar(sql.charAt(i)) || sql.charAt(i) == '$')) {
            i++;
        }
        add(TokenKind.WORD, pos, i, sql.substring(pos, i).toLowerCase(Locale.ROOT));
    }

    private void number() {
        int i = pos;
        while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_'
                || (sql.charAt(i) == '.' && !sql.startsWith("..", i)))) {
            char c = sql.charAt(i);
            i++;
            if ((c == 'e' || c == 'E') && i < sql.length() && (sql.charAt(i) == '+' || sql.charAt(i) == '-')) {
                i++;
            }
        }
        add(TokenKind.NUMBER, pos, i, sql.substring(pos, i));
    }

    private void operator() {
        int i = pos;
        while (i < sql.length() && OPERATOR_CHARS.indexOf(sql.charAt(i)) >= 0
                && !sql.startsWith("--", i) && !sql.startsWith("/*", i)) {
            i++;
        }
        if (i == pos) {
            i = pos + 1;
        }
        add(TokenKind.OPERATOR, pos, i, sql.substring(pos, i));
    }
}
