package io.github.pgmigrate.ddl;

import io.github.pgmigrate.sql.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads column definitions and table constraints, in CREATE TABLE bodies and ALTER TABLE ADD sub-commands. */
final class TableElementParser {
    private static final Set<String> CONSTRAINT_STARTS = Set.of("constraint", "check", "unique", "primary", "foreign", "exclude");
    private static final Set<String> COLUMN_CONSTRAINT_WORDS = Set.of(
            "constraint", "check", "unique", "primary", "references", "generated", "deferrable", "initially");

    private TableElementParser() {
    }

    static boolean startsTableConstraint(TokenCursor c) {
        Token t = c.peek();
        if (t == null || t.kind() != io.github.pgmigrate.sql.TokenKind.WORD) {
            return false;
        }
        if (CONSTRAINT_STARTS.contains(t.value())) {
            return !t.isWord("primary") || c.peek(1) != null && c.peek(1).isWord("key");
        }
        return false;
    }

    /** A column definition at the cursor, up to the next top-level comma. */
    static ColumnDefinition column(TokenCursor c) {
        int start = c.position();
        Identifier name = c.identifier();
        TypeName type = null;
        if (!c.atEnd() && !c.peekSymbol(",") && !c.peekSymbol(")") && !startsColumnConstraint(c)) {
            type = TypeParser.parse(c);
        }
        boolean notNull = false;
        List<Token> defaultValue = null;
        ColumnDefinition.Generated generated = ColumnDefinition.Generated.NONE;
        boolean primaryKey = false;
        boolean unique = false;
        QualifiedName references = null;
        List<Token> check = null;
        while (!c.atEnd() && !c.peekSymbol(",") && !c.peekSymbol(")")) {
            if (c.accept("constraint")) {
                c.identifier();
            } else if (c.accept("not", "null")) {
                notNull = true;
            } else if (c.accept("null")) {
                notNull = false;
            } else if (c.accept("default")) {
                defaultValue = defaultExpression(c);
            } else if (c.accept("generated")) {
                generated = generated(c);
            } else if (c.accept("primary", "key")) {
                primaryKey = true;
                indexParameters(c);
            } else if (c.accept("unique")) {
                unique = true;
                nullsDistinct(c);
                indexParameters(c);
            } else if (c.accept("references")) {
                references = c.qualifiedName();
                if (c.peekSymbol("(")) {
                    c.parenthesised();
                }
            } else if (c.accept("check")) {
                check = c.parenthesised();
                c.accept("no", "inherit");
            } else if (c.peekSymbol("(")) {
                c.parenthesised();
            } else {
                c.next();
            }
        }
        return new ColumnDefinition(name, type, notNull, defaultValue, generated, primaryKey, unique, references, check,
                c.spanFrom(start));
    }

    private static boolean startsColumnConstraint(TokenCursor c) {
        Token t = c.peek();
        return t != null && t.kind() == io.github.pgmigrate.sql.TokenKind.WORD
                && (COLUMN_CONSTRAINT_WORDS.contains(t.value()) || c.peekWords("not", "null") || t.isWord("default"));
    }

    private static List<Token> defaultExpression(TokenCursor c) {
        List<Token> expression = new ArrayList<>();
        int depth = 0;
        while (!c.atEnd()) {
            Token t = c.peek();
            if (depth == 0) {
                if (t.isSymbol(",") || t.isSymbol(")")) {
                    break;
                }
                boolean stops = t.kind() == io.github.pgmigrate.sql.TokenKind.WORD
                        && (COLUMN_CONSTRAINT_WORDS.contains(t.value()) || c.peekWords("not", "null")
                        || c.peekWords("not", "deferrable") || (t.isWord("null") && !expression.isEmpty()));
                if (stops && !expression.isEmpty()) {
                    break;
                }
            }
            if (t.isSymbol("(") || t.isSymbol("[")) {
                depth++;
            } else if (t.isSymbol(")") || t.isSymbol("]")) {
                depth--;
            }
            expression.add(c.next());
        }
        return expression;
    }

    private static ColumnDefinition.Generated generated(TokenCursor c) {
        if (c.accept("always", "as", "identity") || c.accept("by", "default", "as", "identity")) {
            if (c.peekSymbol("(")) {
                c.parenthesised();
            }
            return ColumnDefinition.Generated.IDENTITY;
        }
        c.accept("always");
        c.accept("as");
        c.parenthesised();
        if (c.accept("stored")) {
            return ColumnDefinition.Generated.STORED;
        }
        if (c.accept("virtual")) {
            return ColumnDefinition.Generated.VIRTUAL;
        }
        return ColumnDefinition.Generated.UNSPECIFIED;
    }

    private static void nullsDistinct(TokenCursor c) {
        if (c.accept("nulls", "not", "distinct") || c.accept("nulls", "distinct")) {
            return;
        }
    }

    private static void indexParameters(TokenCursor c) {
        while (true) {
            if (c.accept("include") || c.accept("with")) {
                c.parenthesised();
            } else if (c.accept("using", "index", "tablespace")) {
                c.identifier();
            } else {
                return;
            }
        }
    }

    /** A table constraint at the cursor (after an optional {@code CONSTRAINT name}), up to the next top-level comma. */
    static ConstraintDefinition constraint(TokenCursor c) {
        int start = c.position();
        String name = null;
        if (c.accept("constraint")) {
            Identifier id = c.identifier();
            name = id == null ? null : id.name();
        }
        ConstraintKind kind;
        List<String> columns = new ArrayList<>();
        QualifiedName references = null;
        List<Token> expression = List.of();
        String usingIndex = null;
        if (c.accept("check")) {
            kind = ConstraintKind.CHECK;
            expression = c.parenthesised();
        } else if (c.accept("unique")) {
            kind = ConstraintKind.UNIQUE;
            nullsDistinct(c);
            usingIndex = usingIndex(c);
            columns = columnList(c);
        } else if (c.accept("primary", "key")) {
            kind = ConstraintKind.PRIMARY_KEY;
            usingIndex = usingIndex(c);
            columns = columnList(c);
        } else if (c.accept("foreign", "key")) {
            kind = ConstraintKind.FOREIGN_KEY;
            columns = columnList(c);
            if (c.accept("references")) {
                references = c.qualifiedName();
            }
        } else if (c.accept("exclude")) {
            kind = ConstraintKind.EXCLUDE;
        } else if (c.accept("not", "null")) {
            kind = ConstraintKind.NOT_NULL;
            Identifier column = c.identifier();
            if (column != null) {
                columns = List.of(column.name());
            }
        } else {
            return null;
        }
        boolean notValid = false;
        int depth = 0;
        while (!c.atEnd()) {
            Token t = c.peek();
            if (depth == 0 && (t.isSymbol(",") || t.isSymbol(")"))) {
                break;
            }
            if (depth == 0 && c.peekWords("not", "valid")) {
                notValid = true;
            }
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
            }
            c.next();
        }
        return new ConstraintDefinition(name, kind, columns, references, expression, notValid, usingIndex,
                c.spanFrom(start));
    }

    private static String usingIndex(TokenCursor c) {
        if (c.accept("using", "index")) {
            Identifier index = c.identifier();
            return index == null ? "" : index.name();
        }
        return null;
    }

    /** A parenthesised list of plain column names; other elements (expressions) are left out. */
    static List<String> columnList(TokenCursor c) {
        List<String> columns = new ArrayList<>();
        if (!c.peekSymbol("(")) {
            return columns;
        }
        List<Token> inside = c.parenthesised();
        boolean atElementStart = true;
        int depth = 0;
        for (int i = 0; i < inside.size(); i++) {
            Token t = inside.get(i);
            boolean call = i + 1 < inside.size() && inside.get(i + 1).isSymbol("(");
            if (depth == 0 && atElementStart && t.isIdentifier() && !call) {
                columns.add(t.value());
            }
            atElementStart = false;
            if (t.isSymbol("(")) {
                depth++;
            } else if (t.isSymbol(")")) {
                depth--;
            } else if (depth == 0 && t.isSymbol(",")) {
                atElementStart = true;
            }
        }
        return columns;
    }
}
