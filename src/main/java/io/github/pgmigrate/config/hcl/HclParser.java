package io.github.pgmigrate.config.hcl;

import io.github.pgmigrate.config.hcl.HclSyntax.Attribute;
import io.github.pgmigrate.config.hcl.HclSyntax.Block;
import io.github.pgmigrate.config.hcl.HclSyntax.Body;
import io.github.pgmigrate.config.hcl.HclSyntax.Call;
import io.github.pgmigrate.config.hcl.HclSyntax.Expression;
import io.github.pgmigrate.config.hcl.HclSyntax.Literal;
import io.github.pgmigrate.config.hcl.HclSyntax.ObjectValue;
import io.github.pgmigrate.config.hcl.HclSyntax.Template;
import io.github.pgmigrate.config.hcl.HclSyntax.Traversal;
import io.github.pgmigrate.config.hcl.HclSyntax.Tuple;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the part of HCL native syntax that Atlas project files use: blocks with labels, attributes, comments
 * ({@code #}, {@code //}, {@code /* *}{@code /}), quoted strings with escapes and {@code ${…}} interpolation,
 * heredocs,
 * numbers, booleans, null, lists, objects, traversals ({@code var.x}, {@code local.y}, {@code atlas.env}) and
 * function calls. Operators, conditionals, {@code for} expressions and {@code %{…}} directives are refused with the
 * line they are on. Single pass over the text, no backtracking.
 */
public final class HclParser {
    private final String file;
    private final String text;
    private int position;
    private int line;

    private HclParser(String file, String text, int firstLine) {
        this.file = file;
        this.text = text;
        this.line = firstLine;
    }

    /**
     * @param file the file name for messages ({@code atlas.hcl})
     * @param text the file's content
     */
    public static Body parse(String file, String text) throws HclException {
        return new HclParser(file, text, 1).body(false);
    }

    private Body body(boolean nested) throws HclException {
        List<Attribute> attributes = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        while (true) {
            skipSpace();
            if (atEnd()) {
                if (nested) {
                    throw error("a block is not closed: '}' is missing");
                }
                return new Body(attributes, blocks);
            }
            if (peek() == '}') {
                if (!nested) {
                    throw error("'}' without a block to close");
                }
                position++;
                return new Body(attributes, blocks);
            }
            int startLine = line;
            String name = identifier("an attribute or block name");
            skipSpace();
            if (!atEnd() && peek() == '=' && !lookingAt("==")) {
                position++;
                attributes.add(new Attribute(name, expression(), startLine));
                continue;
            }
            List<String> labels = new ArrayList<>();
            while (true) {
                skipSpace();
                if (atEnd()) {
                    throw error("block " + name + " has no '{'");
                }
                char c = peek();
                if (c == '{') {
                    position++;
                    break;
                } else if (c == '"') {
                    labels.add(plainString());
                } else if (isIdentifierStart(c)) {
                    labels.add(identifier("a block label"));
                } else {
                    throw error("expected '=' or '{' after " + name + ", found '" + c + "'");
                }
            }
            blocks.add(new Block(name, labels, body(true), startLine));
        }
    }

    private Expression expression() throws HclException {
        skipSpace();
        Expression value = postfix(primary());
        skipSpaceOnLine();
        if (!atEnd() && !lookingAt("//") && !lookingAt("/*")) {
            char c = peek();
            if ("+-*/%<>!&|?".indexOf(c) >= 0 || lookingAt("==")) {
                String operator = lookingAt("==") || lookingAt("!=") || lookingAt("&&") || lookingAt("||")
                        || lookingAt("<=") || lookingAt(">=") ? text.substring(position, position + 2) : "" + c;
                throw error("operators and conditionals ('" + operator + "') are not supported in this file; write the"
                        + " value directly or compute it in a local with getenv(…)");
            }
        }
        return value;
    }

    private Expression primary() throws HclException {
        if (atEnd()) {
            throw error("a value is missing at the end of the file");
        }
        int startLine = line;
        char c = peek();
        if (c == '"') {
            position++;
            return template('"', startLine);
        }
        if (lookingAt("<<")) {
            return heredoc();
        }
        if (c == '[') {
            position++;
            List<Expression> elements = new ArrayList<>();
            while (true) {
                skipSpace();
                if (!atEnd() && peek() == ']') {
                    position++;
                    return new Tuple(elements, startLine);
                }
                elements.add(expression());
                skipSpace();
                if (!atEnd() && peek() == ',') {
                    position++;
                } else if (atEnd() || peek() != ']') {
                    throw error("expected ',' or ']' in the list that starts on line " + startLine);
                }
            }
        }
        if (c == '{') {
            position++;
            List<Attribute> entries = new ArrayList<>();
            while (true) {
                skipSpace();
                if (!atEnd() && peek() == '}') {
                    position++;
                    return new ObjectValue(entries, startLine);
                }
                int entryLine = line;
                String key = !atEnd() && peek() == '"' ? plainString() : identifier("an object key");
                skipSpace();
                if (atEnd() || (peek() != '=' && peek() != ':')) {
                    throw error("expected '=' after the object key " + key);
                }
                position++;
                entries.add(new Attribute(key, expression(), entryLine));
                skipSpace();
                if (!atEnd() && peek() == ',') {
                    position++;
                }
            }
        }
        if (c == '(') {
            position++;
            Expression inner = expression();
            skipSpace();
            expect(')');
            return inner;
        }
        if (Character.isDigit(c)) {
            int start = position;
            while (!atEnd() && (Character.isDigit(peek()) || peek() == '.' || peek() == 'e' || peek() == 'E')) {
                position++;
            }
            try {
                return new Literal(new BigDecimal(text.substring(start, position)), startLine);
            } catch (NumberFormatException e) {
                throw error("malformed number " + text.substring(start, position));
            }
        }
        if (isIdentifierStart(c)) {
            String name = identifier("a value");
            switch (name) {
                case "true" -> {
                    return new Literal(Boolean.TRUE, startLine);
                }
                case "false" -> {
                    return new Literal(Boolean.FALSE, startLine);
                }
                case "null" -> {
                    return new Literal(null, startLine);
                }
                case "for" -> throw error("for expressions are not supported in this file");
                default -> {
                }
            }
            skipSpaceOnLine();
            if (!atEnd() && peek() == '(') {
                position++;
                List<Expression> arguments = new ArrayList<>();
                while (true) {
                    skipSpace();
                    if (!atEnd() && peek() == ')') {
                        position++;
                        return new Call(name, arguments, startLine);
                    }
                    arguments.add(expression());
                    skipSpace();
                    if (!atEnd() && peek() == ',') {
                        position++;
                    } else if (atEnd() || peek() != ')') {
                        throw error("expected ',' or ')' in the call of " + name + "(…)");
                    }
                }
            }
            return new Traversal(name, List.of(), startLine);
        }
        throw error("expected a value, found '" + c + "'");
    }

    private Expression postfix(Expression base) throws HclException {
        if (!(base instanceof Traversal traversal)) {
            return base;
        }
        List<String> steps = new ArrayList<>(traversal.steps());
        while (!atEnd()) {
            if (peek() == '.' && position + 1 < text.length() && isIdentifierStart(text.charAt(position + 1))) {
                position++;
                steps.add(identifier("an attribute name"));
            } else if (peek() == '[') {
                position++;
                skipSpace();
                Expression index = primary();
                skipSpace();
                expect(']');
                if (!(index instanceof Literal literal) && !(index instanceof Template)) {
                    throw error("only constant indexes are supported after " + traversal.root());
                }
                steps.add(index instanceof Literal literal ? String.valueOf(literal.value())
                        : String.valueOf(((Template) index).parts().stream().map(String::valueOf)
                                .reduce("", String::concat)));
            } else {
                break;
            }
        }
        return new Traversal(traversal.root(), steps, traversal.line());
    }

    /** A template up to the closing quote (or, for a heredoc body, to the end of the text). */
    private Template template(char close, int startLine) throws HclException {
        List<Object> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        while (true) {
            if (atEnd()) {
                if (close == 0) {
                    break;
                }
                throw new HclException(file, startLine, "the string that starts here is not closed");
            }
            char c = peek();
            if (close != 0 && c == close) {
                position++;
                break;
            }
            if (close != 0 && c == '\n') {
                throw new HclException(file, startLine, "the string that starts here is not closed on its line");
            }
            if (lookingAt("$${") || lookingAt("%%{")) {
                current.append(c).append('{');
                position += 3;
            } else if (lookingAt("${")) {
                position += 2;
                if (!current.isEmpty()) {
                    parts.add(current.toString());
                    current.setLength(0);
                }
                parts.add(expression());
                skipSpace();
                expect('}');
            } else if (lookingAt("%{")) {
                throw error("template directives (%{…}) are not supported in this file");
            } else if (c == '\\' && close != 0) {
                current.append(escape());
            } else {
                if (c == '\n') {
                    line++;
                }
                current.append(c);
                position++;
            }
        }
        if (!current.isEmpty()) {
            parts.add(current.toString());
        }
        return new Template(parts, startLine);
    }

    private String escape() throws HclException {
        position++;
        if (atEnd()) {
            throw error("a string ends with a backslash");
        }
        char c = text.charAt(position++);
        return switch (c) {
            case 'n' -> "\n";
            case 'r' -> "\r";
            case 't' -> "\t";
            case '"' -> "\"";
            case '\\' -> "\\";
            case 'u', 'U' -> {
                int digits = c == 'u' ? 4 : 8;
                if (position + digits > text.length()) {
                    throw error("\\" + c + " needs " + digits + " hex digits");
                }
                try {
                    int codePoint = Integer.parseInt(text.substring(position, position + digits), 16);
                    position += digits;
                    yield new String(Character.toChars(codePoint));
                } catch (IllegalArgumentException e) {
                    throw error("\\" + c + " needs " + digits + " hex digits");
                }
            }
            default -> throw error("unknown escape \\" + c + " in a string");
        };
    }

    /** A quoted string without interpolation (block labels, object keys). */
    private String plainString() throws HclException {
        int startLine = line;
        position++;
        Template template = template('"', startLine);
        StringBuilder value = new StringBuilder();
        for (Object part : template.parts()) {
            if (!(part instanceof String s)) {
                throw new HclException(file, startLine, "a label cannot contain ${…}");
            }
            value.append(s);
        }
        return value.toString();
    }

    /** {@code <<MARKER} or {@code <<-MARKER} (indentation removed), up to a line holding only the marker. */
    private Template heredoc() throws HclException {
        int startLine = line;
        position += 2;
        boolean indented = !atEnd() && peek() == '-';
        if (indented) {
            position++;
        }
        String marker = identifier("a heredoc marker");
        int newline = text.indexOf('\n', position);
        if (newline < 0 || !text.substring(position, newline).isBlank()) {
            throw error("a heredoc marker must end its line");
        }
        position = newline + 1;
        line++;
        int bodyLine = line;
        List<String> lines = new ArrayList<>();
        while (true) {
            if (atEnd()) {
                throw new HclException(file, startLine, "the heredoc that starts here has no closing " + marker);
            }
            int end = text.indexOf('\n', position);
            String current = end < 0 ? text.substring(position) : text.substring(position, end);
            position = end < 0 ? text.length() : end + 1;
            line++;
            if (current.strip().equals(marker)) {
                break;
            }
            lines.add(current);
        }
        if (indented) {
            int indent = lines.stream().filter(l -> !l.isBlank())
                    .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
            lines.replaceAll(l -> l.length() >= indent ? l.substring(indent) : l.stripLeading());
        }
        String body = lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
        HclParser inner = new HclParser(file, body, bodyLine);
        Template template = inner.template((char) 0, bodyLine);
        return new Template(template.parts(), startLine);
    }

    private String identifier(String what) throws HclException {
        if (atEnd() || !isIdentifierStart(peek())) {
            throw error("expected " + what + (atEnd() ? " at the end of the file" : ", found '" + peek() + "'"));
        }
        int start = position;
        while (!atEnd() && (Character.isLetterOrDigit(peek()) || peek() == '_' || peek() == '-')) {
            position++;
        }
        return text.substring(start, position);
    }

    private static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private void expect(char c) throws HclException {
        if (atEnd() || peek() != c) {
            throw error("expected '" + c + "'" + (atEnd() ? " at the end of the file" : ", found '" + peek() + "'"));
        }
        position++;
    }

    /** Skips blanks, newlines and comments. */
    private void skipSpace() throws HclException {
        while (!atEnd()) {
            char c = peek();
            if (c == '\n') {
                line++;
                position++;
            } else if (Character.isWhitespace(c)) {
                position++;
            } else if (c == '#' || lookingAt("//")) {
                while (!atEnd() && peek() != '\n') {
                    position++;
                }
            } else if (lookingAt("/*")) {
                int startLine = line;
                int end = text.indexOf("*/", position + 2);
                if (end < 0) {
                    throw new HclException(file, startLine, "the comment that starts here is not closed");
                }
                for (int i = position; i < end; i++) {
                    if (text.charAt(i) == '\n') {
                        line++;
                    }
                }
                position = end + 2;
            } else {
                return;
            }
        }
    }

    private void skipSpaceOnLine() {
        while (!atEnd() && peek() != '\n' && Character.isWhitespace(peek())) {
            position++;
        }
    }

    private boolean lookingAt(String prefix) {
        return text.startsWith(prefix, position);
    }

    private boolean atEnd() {
        return position >= text.length();
    }

    private char peek() {
        return text.charAt(position);
    }

    private HclException error(String reason) {
        return new HclException(file, line, reason);
    }
}
