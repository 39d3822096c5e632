package io.github.pgmigrate.ddl;

import io.github.pgmigrate.sql.Token;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the sub-commands of {@code ALTER TABLE} after the table name. */
final class AlterTableParser {

    private AlterTableParser() {
    }

    static List<AlterAction> actions(TokenCursor c) {
        List<AlterAction> actions = new ArrayList<>();
        int renameStart = c.position();
        if (c.accept("rename")) {
            actions.add(rename(c, renameStart));
            return actions;
        }
        do {
            if (c.atEnd()) {
                break;
            }
            int start = c.position();
            AlterAction action = action(c, start);
            actions.add(action);
            c.skipToComma();
            if (c.position() == start) {
                c.next();
            }
        } while (c.acceptSymbol(","));
        return actions;
    }

    private static AlterAction rename(TokenCursor c, int start) {
        if (c.accept("to")) {
            return new AlterAction.RenameTable(c.identifier(), c.spanFrom(start));
        }
        if (c.accept("constraint")) {
            Identifier from = c.identifier();
            c.accept("to");
            Identifier to = c.identifier();
            return new AlterAction.RenameConstraint(name(from), name(to), c.spanFrom(start));
        }
        c.accept("column");
        Identifier from = c.identifier();
        c.accept("to");
        return new AlterAction.RenameColumn(from, c.identifier(), c.spanFrom(start));
    }

    private static String name(Identifier id) {
        return id == null ? null : id.name();
    }

    private static AlterAction action(TokenCursor c, int start) {
        if (c.accept("add")) {
            return add(c, start);
        }
        if (c.accept("drop")) {
            return drop(c, start);
        }
        if (c.peekWord("alter") && !c.peekWords("alter", "constraint")) {
            c.accept("alter");
            c.accept("column");
            return alterColumn(c, start);
        }
        if (c.accept("validate", "constraint")) {
            return new AlterAction.ValidateConstraint(name(c.identifier()), c.spanFrom(start));
        }
        if (c.accept("set", "logged")) {
            return new AlterAction.SetLogged(true, c.spanFrom(start));
        }
        if (c.accept("set", "unlogged")) {
            return new AlterAction.SetLogged(false, c.spanFrom(start));
        }
        if (c.accept("set", "access", "method")) {
            return new AlterAction.SetAccessMethod(name(c.identifier()), c.spanFrom(start));
        }
        if (c.accept("set", "tablespace")) {
            return new AlterAction.SetTablespace(name(c.identifier()), c.spanFrom(start));
        }
        if (c.accept("set", "without", "cluster") || c.accept("cluster", "on")) {
            return new AlterAction.ClusterMarker(c.spanFrom(start));
        }
        if (c.peekWords("set") && c.peek(1) != null && c.peek(1).isSymbol("(")) {
            c.accept("set");
            return new AlterAction.SetStorageParameters(storageParameters(c), c.spanFrom(start));
        }
        if (c.peekWords("reset") && c.peek(1) != null && c.peek(1).isSymbol("(")) {
            c.accept("reset");
            c.parenthesised();
            return new AlterAction.SetStorageParameters(Map.of(), c.spanFrom(start));
        }
        if (c.peekWord("enable") || c.peekWord("disable")) {
            int toggle = c.position();
            c.next();
            c.accept("replica");
            c.accept("always");
            if (c.accept("trigger")) {
                return new AlterAction.ToggleTrigger(c.spanFrom(start));
            }
            c.reset(toggle);
        }
        if (c.accept("replica", "identity")) {
            Token t = c.next();
            return new AlterAction.ReplicaIdentity(t == null ? "" : t.value(), c.spanFrom(start));
        }
        if (c.accept("attach", "partition")) {
            return new AlterAction.AttachPartition(c.qualifiedName(), c.spanFrom(start));
        }
        if (c.accept("detach", "partition")) {
            QualifiedName partition = c.qualifiedName();
            boolean concurrently = c.accept("concurrently");
            boolean finalize = c.accept("finalize");
            return new AlterAction.DetachPartition(partition, concurrently, finalize, c.spanFrom(start));
        }
        return new AlterAction.Other(leadingWords(c), c.spanFrom(start));
    }

    private static String leadingWords(TokenCursor c) {
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            Token t = c.peek(i);
            if (t == null || t.kind() != io.github.pgmigrate.sql.TokenKind.WORD) {
                break;
            }
            if (words.length() > 0) {
                words.append(' ');
            }
            words.append(t.value());
        }
        return words.toString();
    }

    private static AlterAction add(TokenCursor c, int start) {
        if (!c.peekWord("column") && (TableElementParser.startsTableConstraint(c) || c.peekWords("not", "null"))) {
            ConstraintDefinition constraint = TableElementParser.constraint(c);
            if (constraint != null) {
                return new AlterAction.AddConstraint(constraint, c.spanFrom(start));
            }
        }
        c.accept("column");
        boolean ifNotExists = c.accept("if", "not", "exists");
        return new AlterAction.AddColumn(TableElementParser.column(c), ifNotExists, c.spanFrom(start));
    }

    private static AlterAction drop(TokenCursor c, int start) {
        if (c.accept("constraint")) {
            boolean ifExists = c.accept("if", "exists");
            return new AlterAction.DropConstraint(name(c.identifier()), ifExists, c.spanFrom(start));
        }
        if (!c.peekWord("column") && (c.peekWord("row") || c.peekWord("trigger") || c.peekWord("rule")
                || c.peekWord("not") || c.peekWord("identity") || c.peekWord("expression"))) {
            return new AlterAction.Other("drop " + leadingWords(c), c.spanFrom(start));
        }
        c.accept("column");
        boolean ifExists = c.accept("if", "exists");
        Identifier column = c.identifier();
        List<Token> rest = c.untilComma();
        boolean cascade = !rest.isEmpty() && rest.get(rest.size() - 1).isWord("cascade");
        return new AlterAction.DropColumn(column, ifExists, cascade, c.spanFrom(start));
    }

    private static AlterAction alterColumn(TokenCursor c, int start) {
        Identifier column = c.identifier();
        if (c.accept("set", "data", "type") || c.accept("type")) {
            TypeName type = TypeParser.parse(c);
            if (c.accept("collate")) {
                c.qualifiedName();
            }
            List<Token> using = c.accept("using") ? c.untilComma() : List.of();
            return new AlterAction.ChangeType(column, type, using, c.spanFrom(start));
        }
        if (c.accept("set", "not", "null")) {
            return new AlterAction.SetNotNull(column, c.spanFrom(start));
        }
        if (c.accept("drop", "not", "null")) {
            return new AlterAction.DropNotNull(column, c.spanFrom(start));
        }
        if (c.accept("set", "default")) {
            return new AlterAction.SetDefault(column, c.untilComma(), c.spanFrom(start));
        }
        if (c.accept("set", "expression")) {
            return new AlterAction.SetExpression(column, c.spanFrom(start));
        }
        if (c.accept("add", "generated")) {
            return new AlterAction.AddIdentity(column, c.spanFrom(start));
        }
        if (c.accept("set", "statistics") || c.peekWords("set") && c.peek(1) != null && c.peek(1).isSymbol("(")
                || c.peekWords("reset")) {
            return new AlterAction.ColumnStatistics(column, c.spanFrom(start));
        }
        return new AlterAction.Other("alter column " + leadingWords(c), c.spanFrom(start));
    }

    /** {@code (name = value, …)} with names and values lower-cased and unquoted. */
    static Map<String, String> storageParameters(TokenCursor c) {
        Map<String, String> parameters = new LinkedHashMap<>();
        List<Token> inside = c.parenthesised();
        StringBuilder name = new StringBuilder();
        StringBuilder value = new StringBuilder();
        boolean inValue = false;
        for (Token t : inside) {
            if (t.isSymbol(",")) {
                parameters.put(name.toString(), value.length() == 0 ? "true" : value.toString());
                name.setLength(0);
                value.setLength(0);
                inValue = false;
            } else if (t.isSymbol("=")) {
                inValue = true;
            } else {
                (inValue ? value : name).append(t.value().toLowerCase(java.util.Locale.ROOT));
            }
        }
        if (name.length() > 0) {
            parameters.put(name.toString(), value.length() == 0 ? "true" : value.toString());
        }
        return parameters;
    }
}
