package io.github.pgmigrate.ddl;

import io.github.pgmigrate.sql.SqlTokenizer;
import io.github.pgmigrate.sql.Token;
import io.github.pgmigrate.sql.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Recognizes the statement forms the lint rules look at, over {@link SqlTokenizer} tokens. It is tolerant: whatever it
 * does not know (or cannot follow) becomes {@link Ddl.Other}, never an error.
 */
public final class DdlRecognizer {
    private static final Set<String> NON_TRANSACTIONAL_CREATE = Set.of("database", "tablespace", "subscription");

    private DdlRecognizer() {
    }

    public static Ddl recognize(String sql) {
        return recognize(SqlTokenizer.tokenize(sql));
    }

    public static Ddl recognize(List<Token> tokens) {
        TokenCursor c = new TokenCursor(tokens);
        try {
            return statement(c);
        } catch (RuntimeException unexpected) {
            // A form the recognizer misreads must not stop the lint run; the statement is simply not classified.
            return new Ddl.Other(firstWords(tokens));
        }
    }

    private static Ddl statement(TokenCursor c) {
        Token first = c.peek();
        if (first == null || first.kind() != TokenKind.WORD) {
            return new Ddl.Other(firstWords(c));
        }
        // Dispatch on the leading keyword: most statements are decided by it alone.
        switch (first.value()) {
            case "begin" -> {
                return new Ddl.Begin();
            }
            case "start" -> {
                return c.peekWords("start", "transaction") ? new Ddl.Begin() : new Ddl.Other(firstWords(c));
            }
            case "commit", "end" -> {
                return c.peekWords("commit", "prepared") ? new Ddl.Other("commit prepared", "COMMIT PREPARED") : new Ddl.Commit();
            }
            case "rollback", "abort" -> {
                c.next();
                if (c.peekWord("prepared")) {
                    return new Ddl.Other("rollback prepared", "ROLLBACK PREPARED");
                }
                c.accept("work");
                c.accept("transaction");
                return c.peekWord("to") ? new Ddl.Other("rollback to savepoint") : new Ddl.Rollback();
            }
            case "set" -> {
                c.next();
                return set(c);
            }
            case "create" -> {
                c.next();
                return create(c);
            }
            case "alter" -> {
                c.next();
                return alter(c);
            }
            case "drop" -> {
                c.next();
                return drop(c);
            }
            case "reindex" -> {
                c.next();
                return reindex(c);
            }
            case "cluster" -> {
                c.next();
                return cluster(c);
            }
            case "vacuum" -> {
                c.next();
                return vacuum(c);
            }
            case "truncate" -> {
                c.next();
                c.accept("table");
                List<QualifiedName> tables = c.qualifiedNames();
                boolean cascade = c.rest().stream().anyMatch(t -> t.isWord("cascade"));
                return new Ddl.Truncate(tables, cascade);
            }
            case "lock" -> {
                c.next();
                return lock(c);
            }
            case "refresh" -> {
                if (c.accept("refresh", "materialized", "view")) {
                    boolean concurrently = c.accept("concurrently");
                    return new Ddl.RefreshMaterializedView(c.qualifiedName(), concurrently);
                }
                return new Ddl.Other(firstWords(c));
            }
            case "insert" -> {
                if (!c.accept("insert", "into")) {
                    return new Ddl.Other(firstWords(c));
                }
                QualifiedName table = c.qualifiedName();
                if (c.accept("as")) {
                    c.identifier();
                }
                return new Ddl.Insert(table, c.peekSymbol("(") ? TableElementParser.columnList(c) : List.of());
            }
            case "update" -> {
                c.next();
                return update(c);
            }
            case "discard" -> {
                return c.peekWords("discard", "all") ? new Ddl.Other("discard all", "DISCARD ALL") : new Ddl.Other(firstWords(c));
            }
            default -> {
                return new Ddl.Other(firstWords(c));
            }
        }
    }

    private static Ddl set(TokenCursor c) {
        boolean local = c.accept("local");
        c.accept("session");
        Token name = c.next();
        if (name == null || !name.isIdentifier()) {
            return new Ddl.Other("set");
        }
        StringBuilder parameter = new StringBuilder(name.value());
        while (c.peekSymbol(".") && c.peek(1) != null && c.peek(1).isIdentifier()) {
            c.next();
            parameter.append('.').append(c.next().value());
        }
        if (!c.acceptSymbol("=")) {
            c.accept("to");
        }
        StringBuilder value = new StringBuilder();
        for (Token t : c.rest()) {
            value.append(t.kind() == TokenKind.STRING ? t.value() : t.text().toLowerCase(java.util.Locale.ROOT));
        }
        return new Ddl.SetParameter(parameter.toString(), local, value.toString().trim());
    }

    private static Ddl create(TokenCursor c) {
        boolean orReplace = c.accept("or", "replace");
        boolean temporary = c.accept("global") | c.accept("local");
        temporary |= c.accept("temporary") || c.accept("temp");
        c.accept("unlogged");
        if (c.accept("table")) {
            return createTable(c, temporary);
        }
        boolean unique = c.accept("unique");
        if (c.accept("index")) {
            return createIndex(c, unique);
        }
        if (c.accept("materialized", "view")) {
            boolean ifNotExists = c.accept("if", "not", "exists");
            return new Ddl.CreateTableAs(c.qualifiedName(), ifNotExists);
        }
        c.accept("recursive");
        if (c.accept("view")) {
            QualifiedName name = c.qualifiedName();
            List<String> columns = c.peekSymbol("(") ? TableElementParser.columnList(c) : List.of();
            return new Ddl.CreateView(name, columns);
        }
        if (c.peekWord("policy")) {
            return tableObjectChange(c, "CREATE POLICY");
        }
        c.accept("constraint");
        if (c.accept("trigger")) {
            while (!c.atEnd() && !c.peekWord("on")) {
                c.next();
            }
            c.accept("on");
            return new Ddl.CreateTrigger(c.qualifiedName());
        }
        if (c.accept("type")) {
            QualifiedName name = c.qualifiedName();
            if (c.accept("as", "enum")) {
                List<String> labels = new ArrayList<>();
                for (Token t : c.parenthesised()) {
                    if (t.kind() == TokenKind.STRING) {
                        labels.add(t.value());
                    }
                }
                return new Ddl.CreateType(name, true, labels);
            }
            return new Ddl.CreateType(name, false, List.of());
        }
        if (c.accept("domain")) {
            QualifiedName name = c.qualifiedName();
            boolean constrained = c.rest().stream().anyMatch(t -> t.isWord("check") || t.isWord("not"));
            return new Ddl.CreateDomain(name, constrained);
        }
        if (c.accept("schema")) {
            c.accept("if", "not", "exists");
            if (c.peekWord("authorization")) {
                return new Ddl.Other("create schema");
            }
            return new Ddl.CreateSchema(c.qualifiedName());
        }
        Token kind = c.peek();
        if (kind != null && kind.kind() == TokenKind.WORD && NON_TRANSACTIONAL_CREATE.contains(kind.value())) {
            if (kind.isWord("subscription")) {
                return new Ddl.Other("create subscription",
                        createsSlot(c) ? "CREATE SUBSCRIPTION (which creates a replication slot)" : null);
            }
            return new Ddl.Other("create " + kind.value(), "CREATE " + kind.value().toUpperCase(Locale.ROOT));
        }
        return new Ddl.Other(("create " + (orReplace ? "or replace " : "") + firstWords(c)).trim());
    }

    private static boolean createsSlot(TokenCursor c) {
        return !optionIsFalse(c.rest(), "create_slot");
    }

    /**
     * {@code REFRESH PUBLICATION}, and {@code SET|ADD|DROP PUBLICATION} unless {@code WITH (refresh = false)}: these
     * refresh the subscription, which PostgreSQL refuses inside a transaction block.
     */
    private static String alterSubscriptionRefreshes(TokenCursor c) {
        if (c.peekWords("refresh", "publication")) {
            return "ALTER SUBSCRIPTION … REFRESH PUBLICATION";
        }
        boolean changesPublications = c.peekWords("set", "publication") || c.peekWords("add", "publication")
                || c.peekWords("drop", "publication");
        if (!changesPublications) {
            return null;
        }
        String verb = c.peek().value().toUpperCase(Locale.ROOT);
        return optionIsFalse(c.rest(), "refresh") ? null
                : "ALTER SUBSCRIPTION … " + verb + " PUBLICATION (which refreshes the subscription)";
    }

    /** Whether a {@code WITH (option = false)} list turns {@code option} off ({@code = } is optional). */
    private static boolean optionIsFalse(List<Token> rest, String option) {
        for (int i = 0; i + 1 < rest.size(); i++) {
            if (rest.get(i).isWord(option)) {
                Token v = rest.get(i + 1).isSymbol("=") && i + 2 < rest.size() ? rest.get(i + 2) : rest.get(i + 1);
                return v.isWord("false") || v.isWord("off") || v.value().equals("false") || v.value().equals("0");
            }
        }
        return false;
    }

    private static Ddl createTable(TokenCursor c, boolean temporary) {
        boolean ifNotExists = c.accept("if", "not", "exists");
        QualifiedName name = c.qualifiedName();
        List<ColumnDefinition> columns = new ArrayList<>();
        List<ConstraintDefinition> constraints = new ArrayList<>();
        QualifiedName partitionOf = null;
        if (c.accept("partition", "of")) {
            partitionOf = c.qualifiedName();
        } else if (c.accept("of")) {
            c.qualifiedName();
        }
        if (c.peekSymbol("(")) {
            c.acceptSymbol("(");
            while (!c.atEnd() && !c.peekSymbol(")")) {
                int start = c.position();
                if (c.accept("like")) {
                    c.skipToComma();
                } else if (TableElementParser.startsTableConstraint(c)) {
                    ConstraintDefinition constraint = TableElementParser.constraint(c);
                    if (constraint != null) {
                        constraints.add(constraint);
                    }
                } else {
                    columns.add(TableElementParser.column(c));
                }
                c.skipToComma();
                if (!c.acceptSymbol(",") && c.position() == start) {
                    c.next();
                }
            }
            c.acceptSymbol(")");
        } else if (partitionOf == null && (c.peekWord("as") || lookaheadAs(c))) {
            return new Ddl.CreateTableAs(name, ifNotExists);
        }
        boolean partitioned = false;
        boolean onCommitDrop = false;
        Map<String, String> parameters = Map.of();
        while (!c.atEnd()) {
            if (c.accept("partition", "by")) {
                partitioned = true;
            } else if (c.accept("with") && c.peekSymbol("(")) {
                parameters = AlterTableParser.storageParameters(c);
            } else if (c.accept("on", "commit", "drop")) {
                onCommitDrop = true;
            } else if (c.accept("as")) {
                return new Ddl.CreateTableAs(name, ifNotExists);
            } else if (c.peekSymbol("(")) {
                c.parenthesised();
            } else {
                c.next();
            }
        }
        return new Ddl.CreateTable(name, temporary, ifNotExists, onCommitDrop, columns, constraints, partitioned,
                partitionOf, parameters);
    }

    private static boolean lookaheadAs(TokenCursor c) {
        for (int i = 0; c.peek(i) != null && !c.peek(i).isSymbol(";"); i++) {
            if (c.peek(i).isWord("as")) {
                return true;
            }
        }
        return false;
    }

    private static Ddl createIndex(TokenCursor c, boolean unique) {
        boolean concurrently = c.accept("concurrently");
        boolean ifNotExists = c.accept("if", "not", "exists");
        QualifiedName name = null;
        if (!c.peekWord("on")) {
            name = c.qualifiedName();
        }
        c.accept("on");
        boolean only = c.accept("only");
        QualifiedName table = c.qualifiedName();
        if (c.accept("using")) {
            c.identifier();
        }
        List<String> columns = c.peekSymbol("(") ? TableElementParser.columnList(c) : List.of();
        return new Ddl.CreateIndex(name, table, unique, concurrently, ifNotExists, only, columns);
    }

    /** {@code <command> [IF EXISTS] name ON table …}, with the cursor at the object keyword. */
    private static Ddl tableObjectChange(TokenCursor c, String command) {
        c.next();
        c.accept("if", "exists");
        c.identifier();
        return c.accept("on") ? new Ddl.TableObjectChange(command, c.qualifiedName())
                : new Ddl.Other(command.toLowerCase(java.util.Locale.ROOT));
    }

    private static Ddl alter(TokenCursor c) {
        if (c.peekWord("policy")) {
            return tableObjectChange(c, "ALTER POLICY");
        }
        if (c.accept("table")) {
            int all = c.position();
            if (c.accept("all", "in", "tablespace")) {
                c.rest();
                return new Ddl.AlterTable(null, false, List.of(new AlterAction.SetTablespace(null, c.spanFrom(all))));
            }
            boolean ifExists = c.accept("if", "exists");
            c.accept("only");
            QualifiedName name = c.qualifiedName();
            c.acceptSymbol("*");
            return new Ddl.AlterTable(name, ifExists, AlterTableParser.actions(c));
        }
        if (c.accept("type")) {
            QualifiedName type = c.qualifiedName();
            if (c.accept("add", "value")) {
                boolean ifNotExists = c.accept("if", "not", "exists");
                Token label = c.next();
                boolean positioned = c.peekWord("before") || c.peekWord("after");
                return new Ddl.AddEnumValue(type, label == null ? "" : label.value(), ifNotExists, positioned);
            }
            if (c.accept("rename", "value")) {
                Token from = c.next();
                c.accept("to");
                Token to = c.next();
                return new Ddl.RenameEnumValue(type, from == null ? "" : from.value(), to == null ? "" : to.value());
            }
            return new Ddl.Other("alter type");
        }
        if (c.accept("domain")) {
            QualifiedName name = c.qualifiedName();
            if (c.accept("add")) {
                boolean notValid = false;
                for (int i = 0; c.peek(i) != null; i++) {
                    if (c.peek(i).isWord("not") && c.peek(i + 1) != null && c.peek(i + 1).isWord("valid")) {
                        notValid = true;
                    }
                }
                return new Ddl.AlterDomainAddConstraint(name, notValid);
            }
            return new Ddl.Other("alter domain");
        }
        if (c.accept("schema")) {
            Identifier from = c.identifier();
            if (c.accept("rename", "to")) {
                Identifier to = c.identifier();
                return new Ddl.RenameSchema(from == null ? "" : from.name(), to == null ? "" : to.name());
            }
            return new Ddl.Other("alter schema");
        }
        if (c.accept("index")) {
            return alterRelation(c, ObjectKind.INDEX);
        }
        if (c.accept("materialized", "view")) {
            return alterRelation(c, ObjectKind.MATERIALIZED_VIEW);
        }
        if (c.accept("system")) {
            return new Ddl.Other("alter system", "ALTER SYSTEM");
        }
        if (c.accept("database")) {
            c.identifier();
            return new Ddl.Other("alter database",
                    c.peekWords("set", "tablespace") ? "ALTER DATABASE … SET TABLESPACE" : null);
        }
        if (c.accept("subscription")) {
            c.identifier();
            return new Ddl.Other("alter subscription", alterSubscriptionRefreshes(c));
        }
        return new Ddl.Other("alter " + firstWords(c));
    }

    private static Ddl alterRelation(TokenCursor c, ObjectKind kind) {
        if (c.accept("all", "in", "tablespace")) {
            return new Ddl.AlterRelation(kind, null, true);
        }
        c.accept("if", "exists");
        QualifiedName name = c.qualifiedName();
        return new Ddl.AlterRelation(kind, name, c.peekWords("set", "tablespace"));
    }

    private static Ddl drop(TokenCursor c) {
        if (c.peekWord("policy") || c.peekWord("trigger")) {
            return tableObjectChange(c, c.peekWord("policy") ? "DROP POLICY" : "DROP TRIGGER");
        }
        ObjectKind kind;
        if (c.accept("table")) {
            kind = ObjectKind.TABLE;
        } else if (c.accept("index")) {
            kind = ObjectKind.INDEX;
        } else if (c.accept("schema")) {
            kind = ObjectKind.SCHEMA;
        } else if (c.accept("database")) {
            kind = ObjectKind.DATABASE;
        } else if (c.accept("type")) {
            kind = ObjectKind.TYPE;
        } else if (c.accept("view")) {
            kind = ObjectKind.VIEW;
        } else if (c.accept("materialized", "view")) {
            kind = ObjectKind.MATERIALIZED_VIEW;
        } else if (c.accept("sequence")) {
            kind = ObjectKind.SEQUENCE;
        } else if (c.accept("domain")) {
            kind = ObjectKind.DOMAIN;
        } else {
            String words = firstWords(c);
            String nonTransactional = words.startsWith("tablespace") ? "DROP TABLESPACE"
                    : words.startsWith("subscription") ? "DROP SUBSCRIPTION (which drops its replication slot)" : null;
            return new Ddl.Other("drop " + words, nonTransactional);
        }
        boolean concurrently = c.accept("concurrently");
        boolean ifExists = c.accept("if", "exists");
        List<QualifiedName> names = c.qualifiedNames();
        List<Token> rest = c.rest();
        boolean cascade = rest.stream().anyMatch(t -> t.isWord("cascade"));
        return new Ddl.Drop(kind, names, ifExists, cascade, concurrently);
    }

    private static Ddl reindex(TokenCursor c) {
        boolean concurrently = false;
        if (c.peekSymbol("(")) {
            List<Token> options = c.parenthesised();
            for (int i = 0; i < options.size(); i++) {
                if (options.get(i).isWord("concurrently")) {
                    Token value = i + 1 < options.size() ? options.get(i + 1) : null;
                    concurrently = value == null || value.isSymbol(",") || isTrue(value);
                }
            }
        }
        Token target = c.next();
        String what = target == null ? "" : target.value();
        concurrently |= c.accept("concurrently");
        QualifiedName name = c.qualifiedName();
        return new Ddl.Reindex(what, name, concurrently);
    }

    private static boolean isTrue(Token value) {
        String v = value.value().toLowerCase(java.util.Locale.ROOT);
        return v.equals("true") || v.equals("on") || v.equals("1") || v.equals("yes");
    }

    private static Ddl cluster(TokenCursor c) {
        if (c.peekSymbol("(")) {
            c.parenthesised();
        }
        c.accept("verbose");
        QualifiedName first = c.qualifiedName();
        if (first != null && c.accept("on")) {
            return new Ddl.Cluster(c.qualifiedName());
        }
        return new Ddl.Cluster(first);
    }

    private static Ddl vacuum(TokenCursor c) {
        boolean full = false;
        if (c.peekSymbol("(")) {
            List<Token> options = c.parenthesised();
            for (int i = 0; i < options.size(); i++) {
                if (options.get(i).isWord("full")) {
                    Token value = i + 1 < options.size() ? options.get(i + 1) : null;
                    full = value == null || value.isSymbol(",") || isTrue(value);
                }
            }
        } else {
            full = c.accept("full");
            c.accept("freeze");
            c.accept("verbose");
            c.accept("analyze");
            c.accept("analyse");
        }
        List<QualifiedName> tables = new ArrayList<>();
        while (!c.atEnd()) {
            QualifiedName table = c.qualifiedName();
            if (table == null) {
                break;
            }
            tables.add(table);
            if (c.peekSymbol("(")) {
                c.parenthesised();
            }
            if (!c.acceptSymbol(",")) {
                break;
            }
        }
        return new Ddl.Vacuum(full, tables);
    }

    private static Ddl lock(TokenCursor c) {
        c.accept("table");
        List<QualifiedName> tables = c.qualifiedNames();
        LockLevel mode = LockLevel.ACCESS_EXCLUSIVE;
        if (c.accept("in")) {
            StringBuilder words = new StringBuilder();
            while (!c.atEnd() && !c.peekWord("mode")) {
                Token t = c.next();
                words.append(words.length() == 0 ? "" : " ").append(t.value());
            }
            mode = LockLevel.ofMode(words.toString());
        }
        return new Ddl.LockTable(tables, mode);
    }

    private static Ddl update(TokenCursor c) {
        c.accept("only");
        QualifiedName table = c.qualifiedName();
        while (!c.atEnd() && !c.peekWord("set")) {
            c.next();
        }
        List<String> columns = new ArrayList<>();
        if (c.accept("set")) {
            do {
                if (c.peekSymbol("(")) {
                    columns.addAll(TableElementParser.columnList(c));
                } else {
                    Identifier column = c.identifier();
                    boolean partial = c.peekSymbol(".") || c.peekSymbol("[");
                    if (column != null && !partial) {
                        columns.add(column.name());
                    }
                }
                List<Token> rest = c.untilComma();
                if (rest.stream().anyMatch(t -> t.isWord("from") || t.isWord("where") || t.isWord("returning"))) {
                    break;
                }
            } while (c.acceptSymbol(","));
        }
        return new Ddl.Update(table, columns);
    }

    private static String firstWords(TokenCursor c) {
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < 2; i++) {
            Token t = c.peek(i);
            if (t == null || t.kind() != TokenKind.WORD) {
                break;
            }
            words.append(words.length() == 0 ? "" : " ").append(t.value());
        }
        return words.toString();
    }

    private static String firstWords(List<Token> tokens) {
        return firstWords(new TokenCursor(tokens));
    }
}
