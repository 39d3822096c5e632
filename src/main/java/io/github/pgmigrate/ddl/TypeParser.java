package io.github.pgmigrate.ddl;

import io.github.pgmigrate.sql.Token;
import io.github.pgmigrate.sql.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads a type name at the cursor, folding PostgreSQL's alternative spellings to one canonical name. */
final class TypeParser {
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("int", "int4"), Map.entry("integer", "int4"), Map.entry("int4", "int4"),
            Map.entry("smallint", "int2"), Map.entry("int2", "int2"),
            Map.entry("bigint", "int8"), Map.entry("int8", "int8"),
            Map.entry("serial", "serial4"), Map.entry("serial4", "serial4"),
            Map.entry("smallserial", "serial2"), Map.entry("serial2", "serial2"),
            Map.entry("bigserial", "serial8"), Map.entry("serial8", "serial8"),
            Map.entry("decimal", "numeric"), Map.entry("real", "float4"), Map.entry("float", "float8"),
            Map.entry("bool", "bool"), Map.entry("boolean", "bool"),
            Map.entry("char", "bpchar"), Map.entry("character", "bpchar"), Map.entry("nchar", "bpchar"),
            Map.entry("bpchar", "bpchar"), Map.entry("varchar", "varchar"),
            Map.entry("timestamptz", "timestamptz"), Map.entry("timetz", "timetz"));
    private static final List<String> INTERVAL_FIELDS = List.of("year", "month", "day", "hour", "minute", "second", "to");

    private TypeParser() {
    }

    /** The type at the cursor, or null when there is no name there. */
    static TypeName parse(TokenCursor c) {
        int start = c.position();
        Token first = c.peek();
        if (first == null || !first.isIdentifier()) {
            return null;
        }
        String schema = null;
        if (c.peek(1) != null && c.peek(1).isSymbol(".") && c.peek(2) != null && c.peek(2).isIdentifier()) {
            schema = c.next().value();
            c.next();
        }
        Token nameToken = c.next();
        boolean quoted = nameToken.kind() == TokenKind.QUOTED_IDENTIFIER;
        String name = nameToken.value();
        if (!quoted) {
            name = multiWord(name, c);
        }
        List<String> modifiers = new ArrayList<>();
        if (c.peekSymbol("(")) {
            for (Token t : c.parenthesised()) {
                if (!t.isSymbol(",")) {
                    modifiers.add(t.text());
                }
            }
        }
        if (!quoted && (name.equals("timestamp") || name.equals("time"))) {
            name = timeZone(name, c);
        }
        if (!quoted && name.equals("interval")) {
            while (c.peek() != null && c.peek().kind() == TokenKind.WORD && INTERVAL_FIELDS.contains(c.peek().value())) {
                c.next();
            }
            if (c.peekSymbol("(")) {
                c.parenthesised();
            }
        }
        boolean array = false;
        while (c.peekSymbol("[")) {
            array = true;
            while (!c.atEnd() && !c.acceptSymbol("]")) {
                c.next();
            }
        }
        if (c.accept("array")) {
            array = true;
            if (c.peekSymbol("[")) {
                while (!c.atEnd() && !c.acceptSymbol("]")) {
                    c.next();
                }
            }
        }
        return new TypeName(schema, quoted ? name : ALIASES.getOrDefault(name, name), quoted, modifiers, array,
                written(c, start), c.spanFrom(start));
    }

    private static String multiWord(String name, TokenCursor c) {
        switch (name) {
            case "character", "char", "nchar" -> {
                if (c.accept("varying")) {
                    return "varchar";
                }
                return name;
            }
            case "national" -> {
                c.accept("character");
                c.accept("char");
                return c.accept("varying") ? "varchar" : "bpchar";
            }
            case "double" -> {
                c.accept("precision");
                return "float8";
            }
            case "bit" -> {
                return c.accept("varying") ? "varbit" : "bit";
            }
            default -> {
                return name;
            }
        }
    }

    private static String timeZone(String name, TokenCursor c) {
        if (c.accept("with", "time", "zone")) {
            return name + "tz";
        }
        c.accept("without", "time", "zone");
        return name;
    }

    private static String written(TokenCursor c, int start) {
        int end = c.position();
        c.reset(start);
        StringBuilder text = new StringBuilder();
        Token previous = null;
        while (c.position() < end) {
            Token t = c.next();
            if (previous != null && t.offset() > previous.offset() + previous.text().length()) {
                text.append(' ');
            }
            text.append(t.text());
            previous = t;
        }
        return text.toString();
    }
}
