package io.github.pgmigrate.sql;

/**
 * Whitespace as Go defines it. Atlas trims statements and skips space with Go's {@code unicode.IsSpace} and matches
 * {@code \s} in its patterns with RE2's ASCII class; reproducing both keeps statement boundaries and hashes identical.
 */
final class GoWhitespace {
    private GoWhitespace() {
    }

    /** Go's {@code unicode.IsSpace}. */
    static boolean isSpace(char c) {
        switch (c) {
            case '\t', '\n', '\u000B', '\f', '\r', ' ', '\u0085', '\u00A0', '\u1680', '\u2028', '\u2029', '\u202F',
                    '\u205F', '\u3000' -> {
                return true;
            }
            default -> {
                return c >= '\u2000' && c <= '\u200A';
            }
        }
    }

    /** RE2's {@code \s}: {@code [\t\n\f\r ]}. */
    static boolean isRe2Space(char c) {
        return c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ';
    }

    /** Go's {@code strings.TrimSpace}. */
    static String trim(String s, int from, int to) {
        while (from < to && isSpace(s.charAt(from))) {
            from++;
        }
        while (to > from && isSpace(s.charAt(to - 1))) {
            to--;
        }
        return s.substring(from, to);
    }
}
