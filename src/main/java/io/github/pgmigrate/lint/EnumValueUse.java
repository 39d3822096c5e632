package io.github.pgmigrate.lint;

import io.github.pgmigrate.ddl.QualifiedName;
import io.github.pgmigrate.sql.Token;
import java.util.List;
import java.util.Set;

/**
 * Whether a string literal that spells a new enum label is read as a value of that enum. PostgreSQL refuses only
 * that ("unsafe use of new value"); the same text passed to a function ({@code has_perm('b')}) or cast to another
 * type is just text.
 */
final class EnumValueUse {
    /** Words before a parenthesis that do not make it a function call. */
    private static final Set<String> NOT_CALLS = Set.of("values", "in", "exists", "any", "all", "some", "check",
            "using", "where", "and", "or", "not", "on", "when", "then", "else", "select", "default", "as", "set",
            "by", "returning", "with", "from", "join", "between", "is", "case", "return", "like", "filter");

    private EnumValueUse() {
    }

    static boolean isUse(List<Token> tokens, int literal, QualifiedName type) {
        if (literal + 1 < tokens.size() && tokens.get(literal + 1).isSymbol("::")) {
            return namesType(tokens, literal + 2, type);
        }
        if (literal > 0 && tokens.get(literal - 1).isWord("default")) {
            return true;
        }
        int depth = 0;
        for (int i = literal - 1; i >= 0; i--) {
            Token t = tokens.get(i);
            if (t.isSymbol(")")) {
                depth++;
            } else if (t.isSymbol("(") && depth-- == 0) {
                Token before = i > 0 ? tokens.get(i - 1) : null;
                if (before != null && before.isWord("cast")) {
                    return literal + 2 < tokens.size() && tokens.get(literal + 1).isWord("as")
                            && namesType(tokens, literal + 2, type);
                }
                return before == null || !before.isIdentifier() || NOT_CALLS.contains(before.value());
            }
        }
        return true;
    }

    /** Whether the (possibly schema-qualified) type name at {@code at} is the enum's. */
    private static boolean namesType(List<Token> tokens, int at, QualifiedName type) {
        int last = at;
        while (last + 2 < tokens.size() && tokens.get(last + 1).isSymbol(".") && tokens.get(last + 2).isIdentifier()) {
            last += 2;
        }
        return last < tokens.size() && tokens.get(last).isIdentifier() && tokens.get(last).value().equals(type.name());
    }
}
