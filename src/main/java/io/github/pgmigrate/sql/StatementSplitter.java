package io.github.pgmigrate.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a migration file into statements the way Atlas's PostgreSQL scanner does (statement boundaries, text,
 * attached comments, {@code BEGIN ATOMIC} bodies, {@code atlas:delimiter}), so that statement counts and partial
 * hashes agree with Atlas.
 *
 * <p>Where Atlas would silently cut a file into statements PostgreSQL cannot run, this splitter follows
 * PostgreSQL's lexical rules and reports the problem instead: {@code E'…'} strings honour backslash escapes, block
 * comments nest, a {@code --} comment ends at a line feed or a lone carriage return, a dollar quote needs no
 * identifier character before it, an unterminated quote, comment, dollar quote or {@code BEGIN ATOMIC} body is an
 * error, a byte order mark, a NUL character and a backslash outside a quoted text are refused, and psql
 * meta-commands and {@code COPY … FROM stdin} data are refused because they cannot run over JDBC. A line comment that
 * ends the file without a newline is a comment, not a statement. Only a {@code BEGIN ATOMIC} body of
 * {@code CREATE FUNCTION} or {@code CREATE PROCEDURE} groups statements: a statement that starts with {@code BEGIN}
 * is transaction control, as PostgreSQL reads it.
 *
 * <p>One pass over the text, without recursion: the work is linear in the length of the file.
 */
public final class StatementSplitter {
    private static final String DEFAULT_DELIMITER = ";";
    private static final Pattern DIRECTIVE = Pattern.compile("^([ -~]*)atlas:(\\w+)(?: +([ -~]*))*");
    private static final Pattern CREATE_ROUTINE = Pattern.compile(
            "(?i)create\\s+(?:or\\s+replace\\s+)?(?:function|procedure)\\b");
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final String src;
    private final SourceText source;
    /** Characters examined so far; a test holds the splitter to linear work with it. */
    private long work;

    private StatementSplitter(String src) {
        this.src = src;
        this.source = new SourceText(src);
    }

    /** Splits a whole file's text. */
    public static List<Statement> split(String fileText) throws SqlSyntaxException {
        return new StatementSplitter(fileText).splitAll();
    }

    /** The number of characters the splitter examines for a text, whether or not it splits. */
    static long workFor(String fileText) {
        StatementSplitter splitter = new StatementSplitter(fileText);
        try {
            splitter.splitAll();
        } catch (SqlSyntaxException refused) {
            // the work up to the refusal is what counts
        }
        return splitter.work;
    }

    private List<Statement> splitAll() throws SqlSyntaxException {
        refuseUnreadableCharacters();
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
            work += newline;
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

    /** A byte order mark or a NUL character makes a file that PostgreSQL cannot read as SQL. */
    private void refuseUnreadableCharacters() throws SqlSyntaxException {
        if (!src.isEmpty() && src.charAt(0) == BYTE_ORDER_MARK) {
            throw new SqlSyntaxException(1, 1, "the file starts with a UTF-8 byte order mark (BOM)",
                    "save the file as UTF-8 without BOM, then run 'mvn pgmigrate:hash': PostgreSQL would read the BOM"
                            + " as part of the first word, and Atlas reads no directive behind it");
        }
        int nul = src.indexOf('\0');
        work += nul < 0 ? src.length() : nul;
        if (nul >= 0) {
            throw error(nul, "the file contains a NUL character",
                    "remove it: PostgreSQL cannot take a NUL in SQL text (a file full of them was probably saved as"
                            + " UTF-16; save it as UTF-8)");
        }
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

    /** The pass over the input: one statement per call to {@link #next()}. */
    private final class Scan {
        private String delimiter;
        private char delimiterStart;
        private boolean defaultDelimiter;
        private final int limit = src.length();
        private final List<String> comments = new ArrayList<>();
        private int pos;
        /** Whether the current statement creates a function or procedure; null until a BEGIN ATOMIC asks. */
        private Boolean routine;

        Scan(int from, String delimiter) {
            this.pos = from;
            useDelimiter(delimiter);
        }

        private void useDelimiter(String value) {
            delimiter = value;
            delimiterStart = value.charAt(0);
            defaultDelimiter = DEFAULT_DELIMITER.equals(value);
        }

        private char at(int i) {
            work++;
            return src.charAt(i);
        }

        /** The next statement, or null at the end of the input. */
        Cut next() throws SqlSyntaxException {
            skipSpaces();
            int start = pos;
            int depth = 0;
            int openParen = -1;
            Body body = null;
            routine = null;
            while (true) {
                if (pos >= limit) {
                    if (depth > 0) {
                        throw error(openParen, "unclosed '('", "add the missing ')'");
                    }
                    if (body != null && !body.closing) {
                        throw error(body.begin, "BEGIN ATOMIC without its END",
                                "end the function body with END; on a line of its own");
                    }
                    return pos > start ? cut(start, limit) : null;
                }
                char c = at(pos++);
                int here = pos - 1;
                if (depth == 0 && c == delimiterStart && matchesDelimiter(here)) {
                    pos = here + delimiter.length();
                    if (body == null || body.closing) {
                        return cut(start, pos);
                    }
                    body.statementStart = true;
                    continue;
                }
                if (body != null && body.statementStart && !GoWhitespace.isSpace(c) && !startsComment(c)) {
                    body.statementStart = false;
                    body.closing = src.regionMatches(true, here, "end", 0, 3);
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
                        String tag = dollarTagAt(here);
                        if (tag != null) {
                            skipDollarQuote(here, tag);
                        }
                    }
                    case '-' -> {
                        if (pos < limit && at(pos) == '-') {
                            start = lineComment(here, start);
                        }
                    }
                    case '/' -> {
                        if (pos < limit && at(pos) == '*') {
                            start = blockComment(here, start);
                        }
                    }
                    case '\\' -> throw backslash(here);
                    case 'b', 'B' -> {
                        if (body == null && depth == 0 && defaultDelimiter) {
                            body = atomicBody(here, start);
                        }
                    }
                    default -> {
                    }
                }
            }
        }

        private boolean matchesDelimiter(int at) {
            if (delimiter.length() == 1) {
                return true;
            }
            work += delimiter.length();
            return src.startsWith(delimiter, at);
        }

        private boolean startsComment(char c) {
            return pos < limit && ((c == '-' && src.charAt(pos) == '-') || (c == '/' && src.charAt(pos) == '*'));
        }

        private Cut cut(int start, int end) {
            String raw = src.substring(start, end);
            if (!defaultDelimiter && raw.endsWith(delimiter)) {
                raw = raw.substring(0, raw.length() - delimiter.length());
            }
            work += raw.length();
            Cut cut = new Cut(start, GoWhitespace.trim(raw, 0, raw.length()), List.copyOf(comments));
            comments.clear();
            return cut;
        }

        private void skipSpaces() {
            while (pos < limit && GoWhitespace.isSpace(at(pos))) {
                pos++;
            }
        }

        private void skipQuote(char quote, int opening) throws SqlSyntaxException {
            boolean escapes = quote == '\'' && isEscapeStringPrefix(opening);
            while (pos < limit) {
                char c = at(pos++);
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

        /** PostgreSQL's dollar-quote tag starting at an offset ({@code $$} or {@code $tag$}), or null. */
        private String dollarTagAt(int at) {
            if (at > 0 && (isIdentifierChar(src.charAt(at - 1)) || src.charAt(at - 1) == '$')) {
                return null;
            }
            int i = at + 1;
            if (i < limit && isIdentifierStart(at(i))) {
                i++;
                while (i < limit && isIdentifierChar(at(i))) {
                    i++;
                }
            }
            return i < limit && at(i) == '$' ? src.substring(at, i + 1) : null;
        }

        private void skipDollarQuote(int opening, String tag) throws SqlSyntaxException {
            int close = src.indexOf(tag, opening + tag.length());
            if (close < 0) {
                throw error(opening, "unterminated dollar-quoted string " + tag,
                        "close the body with " + tag);
            }
            pos = close + tag.length();
            work += pos - opening;
        }

        /**
         * A {@code --} comment, which ends at a line feed or, as in PostgreSQL, at a lone carriage return; returns
         * the (possibly moved) statement start.
         */
        private int lineComment(int opening, int start) {
            int end = opening + 2;
            while (end < limit && at(end) != '\n' && src.charAt(end) != '\r') {
                end++;
            }
            if (end < limit) {
                end += src.startsWith("\r\n", end) ? 2 : 1;
            }
            pos = end;
            if (opening != start) {
                return start;
            }
            if (end == limit && !isLineBreak(src.charAt(end - 1))) {
                comments.clear();
                return pos;
            }
            comments.add(src.substring(opening, pos));
            if (pos < limit && isLineBreak(src.charAt(pos))) {
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
                char c = at(i);
                if (c == '/' && src.charAt(i + 1) == '*') {
                    depth++;
                    i += 2;
                } else if (c == '*' && src.charAt(i + 1) == '/') {
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
            work += end - command;
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

        /**
         * A backslash outside quotes, comments and dollar quotes is no SQL: psql reads it as a meta-command (also
         * after other text on the line, as in {@code SELECT 'x' \gexec}), PostgreSQL's server as a syntax error.
         */
        private SqlSyntaxException backslash(int at) {
            int end = at + 1;
            while (end < limit && Character.isLetterOrDigit(src.charAt(end))) {
                end++;
            }
            String command = src.substring(at, end);
            if (command.length() == 1) {
                return error(at, "a backslash outside a quoted string is not SQL",
                        "remove it, or put it inside a string literal");
            }
            return error(at, "psql meta-command " + command + " cannot run over JDBC",
                    "meta-commands are instructions to psql, not SQL; replace it with the SQL it stands for"
                            + " (for \\i, paste the included file as its own migration; for \\gexec, write the"
                            + " generated statements out)");
        }

        /**
         * {@code BEGIN ATOMIC}, the SQL-standard body of a {@code CREATE FUNCTION} or {@code CREATE PROCEDURE}: its
         * statements belong to the routine until the one that starts with {@code END}. Null when this is not one.
         */
        private Body atomicBody(int keyword, int start) {
            if (keyword > 0 && (isIdentifierChar(src.charAt(keyword - 1)) || src.charAt(keyword - 1) == '$')) {
                return null;
            }
            int afterAtomic = matchBeginAtomic(keyword);
            if (afterAtomic < 0) {
                return null;
            }
            if (routine == null) {
                Matcher create = CREATE_ROUTINE.matcher(src).region(start, keyword);
                routine = create.lookingAt();
                work += routine ? create.end() - start : keyword - start;
            }
            if (!routine) {
                return null;
            }
            pos = afterAtomic;
            return new Body(keyword);
        }

        /** Matches {@code BEGIN\s+ATOMIC\s+} at an offset; returns the offset after it or -1. */
        private int matchBeginAtomic(int at) {
            if (!src.regionMatches(true, at, "begin", 0, 5)) {
                return -1;
            }
            int i = skipRe2Spaces(at + 5);
            if (i == at + 5 || !src.regionMatches(true, i, "atomic", 0, 6)) {
                return -1;
            }
            int after = skipRe2Spaces(i + 6);
            return after == i + 6 ? -1 : after;
        }

        private int skipRe2Spaces(int i) {
            while (i < limit && GoWhitespace.isRe2Space(at(i))) {
                i++;
            }
            return i;
        }
    }

    /** An open {@code BEGIN ATOMIC} body inside the current statement. */
    private static final class Body {
        final int begin;
        /** Whether the next significant character starts a statement of the body. */
        boolean statementStart = true;
        /** Whether the current body statement is the closing {@code END}. */
        boolean closing;

        Body(int begin) {
            this.begin = begin;
        }
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r';
    }

    static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    static boolean isIdentifierChar(char c) {
        return isIdentifierStart(c) || (c >= '0' && c <= '9');
    }
}
