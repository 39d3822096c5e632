package io.github.pgmigrate.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a migration file into statements the way Atlas's PostgreSQL scanner does (statement boundaries, text,
 * attached comments, {@code BEGIN ATOMIC} and {@code BEGIN … END} grouping, {@code atlas:delimiter}), so that
 * statement counts and partial hashes agree with Atlas.
 *
 * <p>Where Atlas would silently cut a file into statements PostgreSQL cannot run, this splitter follows
 * PostgreSQL's lexical rules and reports the problem instead: {@code E'…'} strings honour backslash escapes, block
 * comments nest, a dollar quote needs no identifier character before it, an unterminated quote, comment or dollar
 * quote is an error, and psql meta-commands and {@code COPY … FROM stdin} data are refused because they cannot run
 * over JDBC. A line comment that ends the file without a newline is a comment, not a statement.
 */
public final class StatementSplitter {
    private static final String DEFAULT_DELIMITER = ";";
    private static final Pattern DIRECTIVE = Pattern.compile("^([ -~]*)atlas:(\\w+)(?: +([ -~]*))*");

    private final String src;
    private final SourceText source;

    private StatementSplitter(String src) {
        this.src = src;
        this.source = new SourceText(src);
    }

    /** Splits a whole file's text. */
    public static List<Statement> split(String fileText) throws SqlSyntaxException {
        return new StatementSplitter(fileText).splitAll();
    }

    private List<Statement> splitAll() throws SqlSyntaxException {
        int from = 0;
        String delimiter = DEFAULT_DELIMITER;
        Matcher directive = DIRECTIVE.matcher(src);
        if (directive.lookingAt() && "-- ".equals(directive.group(1)) && "delimiter".equals(directive.group(2))) {
            String value = directive.group(3) == null ? "" : unescape(directive.group(3));
            if (value.isEmpty()) {
                throw new SqlSyntaxException(1, 1, "the atlas:delimiter directive has no delimiter",
                        "write it as '-- atlas:delimiter <delimiter>', for example '-- atlas:delimiter \\n\\n'");
            }
            int newline = src.indexOf('\n');
            if (newline < 0) {
                throw new SqlSyntaxException(1, 1, "no statements follow the atlas:delimiter directive", null);
            }
            delimiter = value;
            from = newline + 1;
        }
        List<Statement> statements = new ArrayList<>();
        Scan scan = new Scan(from, delimiter);
        for (Cut cut = scan.next(); cut != null; cut = scan.next()) {
            Statement statement = new Statement(cut.text, cut.start, source.lineOf(cut.start),
                    source.columnOf(cut.start), cut.comments);
            CopyFromStdin.reject(statement);
            statements.add(statement);
        }
        return statements;
    }

    private static String unescape(String delimiter) {
        return delimiter.replace("\\n", "\n").replace("\\r", "\r").replace("\\t", "\t");
    }

    private SqlSyntaxException error(int offset, String problem, String hint) {
        return new SqlSyntaxException(source.lineOf(offset), source.columnOf(offset), problem, hint);
    }

    /** A statement's raw slice and the comments attached before it. */
    private record Cut(int start, String text, List<String> comments) {
    }

    /** One pass over the input from an offset; nested passes read BEGIN … END bodies. */
    private final class Scan {
        private String delimiter;
        private char delimiterStart;
        private boolean defaultDelimiter;
        private final int limit = src.length();
        private final List<String> comments = new ArrayList<>();
        private int pos;

        Scan(int from, String delimiter) {
            this.pos = from;
            useDelimiter(delimiter);
        }

        private void useDelimiter(String value) {
            delimiter = value;
            delimiterStart = value.charAt(0);
            defaultDelimiter = DEFAULT_DELIMITER.equals(value);
        }

        /** The next statement, or null at the end of the input. */
        Cut next() throws SqlSyntaxException {
            skipSpaces();
            int start = pos;
            int depth = 0;
            int openParen = -1;
            while (true) {
                if (pos >= limit) {
                    if (depth > 0) {
                        throw error(openParen, "unclosed '('", "add the missing ')'");
                    }
                    return pos > start ? cut(start, limit) : null;
                }
                char c = src.charAt(pos++);
                int here = pos - 1;
                if (depth == 0 && c == delimiterStart && src.startsWith(delimiter, here)) {
                    pos = here + delimiter.length();
                    return cut(start, pos);
                }
                switch (c) {
                    case '(' -> {
                        if (depth++ == 0) {
                            openParen = here;
                        }
                    }
                    case ')' -> {
                        if (depth == 0) {
                            throw error(here, "unexpected ')'", "remove it or add the matching '('");
                        }
                        depth--;
                    }
                    case '\'', '"', '`' -> skipQuote(c, here);
                    case 'd', 'D' -> {
                        if (here == start && isDelimiterCommand(here)) {
                            readDelimiterCommand();
                            start = pos;
                        }
                    }
                    case '$' -> {
                        if (dollarTagAt(here) != null) {
                            skipDollarQuote(here);
                        }
                    }
                    case '-' -> {
                        if (pos < limit && src.charAt(pos) == '-') {
                            start = lineComment(here, start);
                        }
                    }
                    case '/' -> {
                        if (pos < limit && src.charAt(pos) == '*') {
                            start = blockComment(here, start);
                        }
                    }
                    case '\\' -> {
                        if (atLineStart(here)) {
                            throw metaCommand(here);
                        }
                    }
                    case 'b', 'B' -> {
                        if (defaultDelimiter) {
                            int end = beginBlock(here, start);
                            if (end >= 0) {
                                pos = end;
                                return cut(start, pos);
                            }
                        }
                    }
                    default -> {
                    }
                }
            }
        }

        private Cut cut(int start, int end) {
            String raw = src.substring(start, end);
            if (!defaultDelimiter && raw.endsWith(delimiter)) {
                raw = raw.substring(0, raw.length() - delimiter.length());
            }
            Cut cut = new Cut(start, GoWhitespace.trim(raw, 0, raw.length()), List.copyOf(comments));
            comments.clear();
            return cut;
        }

        private void skipSpaces() {
            while (pos < limit && GoWhitespace.isSpace(src.charAt(pos))) {
                pos++;
            }
        }

        private void skipQuote(char quote, int opening) throws SqlSyntaxException {
            boolean escapes = quote == '\'' && isEscapeStringPrefix(opening);
            while (pos < limit) {
                char c = src.charAt(pos++);
                if (c == '\\' && escapes) {
                    pos++;
                } else if (c == quote) {
                    return;
                }
            }
            String what = switch (quote) {
                case '\'' -> "unterminated quoted string";
                case '"' -> "unterminated quoted identifier";
                default -> "unterminated backtick quote";
            };
            throw error(opening, what, "close it with " + quote
                    + (escapes ? " (in an E'…' string a backslash escapes the next character)" : ""));
        }

        /** {@code E'…'}: an E directly before the quote, not itself the end of a longer word. */
        private boolean isEscapeStringPrefix(int quote) {
            if (quote == 0 || (src.charAt(quote - 1) != 'E' && src.charAt(quote - 1) != 'e')) {
                return false;
            }
            return quote == 1 || !isIdentifierChar(src.charAt(quote - 2));
        }

        private void skipDollarQuote(int opening) throws SqlSyntaxException {
            String tag = dollarTagAt(opening);
            int close = src.indexOf(tag, opening + tag.length());
            if (close < 0) {
                throw error(opening, "unterminated dollar-quoted string " + tag,
                        "close the body with " + tag);
            }
            pos = close + tag.length();
        }

        /** A {@code --} comment; returns the (possibly moved) statement start. */
        private int lineComment(int opening, int start) {
            int newline = src.indexOf('\n', opening);
            pos = newline < 0 ? limit : newline + 1;
            if (opening != start) {
                return start;
            }
            if (newline < 0) {
                comments.clear();
                return pos;
            }
            comments.add(src.substring(opening, pos));
            if (src.startsWith("\n", pos)) {
                comments.clear();
            }
            skipSpaces();
            return pos;
        }

        /** A nested {@code /* … *}{@code /} comment; returns the (possibly moved) statement start. */
        private int blockComment(int opening, int start) throws SqlSyntaxException {
            int depth = 1;
            int i = opening + 2;
            while (depth > 0) {
                if (i + 1 >= limit) {
                    throw error(opening, "unterminated /* comment", "close it with */ (block comments nest)");
                }
                if (src.charAt(i) == '/' && src.charAt(i + 1) == '*') {
                    depth++;
                    i += 2;
                } else if (src.charAt(i) == '*' && src.charAt(i + 1) == '/') {
                    depth--;
                    i += 2;
                } else {
                    i++;
                }
            }
            pos = i;
            if (opening != start) {
                return start;
            }
            comments.add(src.substring(opening, pos));
            if (src.startsWith("\n\n", pos)) {
                comments.clear();
            }
            skipSpaces();
            return pos;
        }

        private boolean isDelimiterCommand(int at) {
            return src.regionMatches(true, at, "delimiter", 0, 9) && at + 9 < limit && src.charAt(at + 9) == ' ';
        }

        /** The MySQL client's DELIMITER command, which Atlas honours on every driver: it changes the delimiter. */
        private void readDelimiterCommand() throws SqlSyntaxException {
            int command = pos - 1;
            int valueStart = command + 9;
            int newline = src.indexOf('\n', valueStart);
            int end = newline < 0 ? limit : newline;
            String value = GoWhitespace.trim(src, valueStart, end);
            if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
                value = value.substring(1, value.length() - 1).replace("''", "'");
            }
            if (value.isEmpty()) {
                throw error(command, "DELIMITER command without a delimiter", "write it as 'DELIMITER //'");
            }
            useDelimiter(unescape(value));
            comments.clear();
            pos = end;
            skipSpaces();
        }

        private boolean atLineStart(int at) {
            for (int i = at - 1; i >= 0; i--) {
                char c = src.charAt(i);
                if (c == '\n') {
                    return true;
                }
                if (c != ' ' && c != '\t') {
                    return false;
                }
            }
            return true;
        }

        private SqlSyntaxException metaCommand(int at) {
            int end = at + 1;
            while (end < limit && Character.isLetterOrDigit(src.charAt(end))) {
                end++;
            }
            String command = src.substring(at, end);
            return error(at, "psql meta-command " + command + " cannot run over JDBC",
                    "meta-commands are instructions to psql, not SQL; replace it with the SQL it stands for"
                            + " (for \\i, paste the included file as its own migration)");
        }

        /**
         * {@code BEGIN ATOMIC … END} (a SQL-standard function body) and {@code BEGIN … END} groups, which Atlas keeps
         * together as one statement. Returns the end of the group, or -1 when this is not a group.
         */
        private int beginBlock(int keyword, int start) throws SqlSyntaxException {
            int afterAtomic = matchBegin(keyword, true);
            if (afterAtomic >= 0) {
                int end = groupEnd(afterAtomic, true);
                pos = end >= 0 ? end : afterAtomic;
                return end;
            }
            if (keyword == start || GoWhitespace.isRe2Space(src.charAt(keyword - 1))) {
                int afterBegin = matchBegin(keyword, false);
                if (afterBegin >= 0) {
                    int end = groupEnd(afterBegin, false);
                    pos = end >= 0 ? end : afterBegin;
                    return end;
                }
            }
            return -1;
        }

        /** Matches {@code BEGIN\s+} or {@code BEGIN\s+ATOMIC\s+} at an offset; returns the offset after it or -1. */
        private int matchBegin(int at, boolean atomic) {
            if (!src.regionMatches(true, at, "begin", 0, 5)) {
                return -1;
            }
            int i = skipRe2Spaces(at + 5);
            if (i == at + 5) {
                return -1;
            }
            if (!atomic) {
                return i;
            }
            if (!src.regionMatches(true, i, "atomic", 0, 6)) {
                return -1;
            }
            int after = skipRe2Spaces(i + 6);
            return after == i + 6 ? -1 : after;
        }

        private int skipRe2Spaces(int i) {
            while (i < limit && GoWhitespace.isRe2Space(src.charAt(i))) {
                i++;
            }
            return i;
        }

        /** Reads the statements of a group body until its END; -1 when there is none. */
        private int groupEnd(int from, boolean atomic) {
            Scan body = new Scan(from, DEFAULT_DELIMITER);
            try {
                for (Cut cut = body.next(); cut != null; cut = body.next()) {
                    if (atomic ? startsWithEnd(cut.text) : isEnd(cut.text)) {
                        return body.pos;
                    }
                }
            } catch (SqlSyntaxException notAGroup) {
                return -1;
            }
            return -1;
        }
    }

    private static boolean startsWithEnd(String text) {
        return text.regionMatches(true, 0, "end", 0, 3);
    }

    /** {@code END}, optionally followed by spaces and the delimiter. */
    private static boolean isEnd(String text) {
        if (!startsWithEnd(text)) {
            return false;
        }
        int i = 3;
        while (i < text.length() && GoWhitespace.isRe2Space(text.charAt(i))) {
            i++;
        }
        return i == text.length() || text.substring(i).equals(DEFAULT_DELIMITER);
    }

    /** PostgreSQL's dollar-quote tag starting at an offset ({@code $$} or {@code $tag$}), or null. */
    private String dollarTagAt(int at) {
        if (at > 0 && (isIdentifierChar(src.charAt(at - 1)) || src.charAt(at - 1) == '$')) {
            return null;
        }
        int i = at + 1;
        if (i < src.length() && isIdentifierStart(src.charAt(i))) {
            i++;
            while (i < src.length() && isIdentifierChar(src.charAt(i))) {
                i++;
            }
        }
        return i < src.length() && src.charAt(i) == '$' ? src.substring(at, i + 1) : null;
    }

    static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    static boolean isIdentifierChar(char c) {
        return isIdentifierStart(c) || (c >= '0' && c <= '9');
    }
}
