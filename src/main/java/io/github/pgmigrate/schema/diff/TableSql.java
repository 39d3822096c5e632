package io.github.pgmigrate.schema.diff;

import io.github.pgmigrate.schema.model.Column;
import io.github.pgmigrate.schema.model.Constraint;
import io.github.pgmigrate.schema.model.Policy;
import io.github.pgmigrate.schema.model.QualifiedName;
import io.github.pgmigrate.schema.model.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The SQL text of table-level statements. */
final class TableSql {
    private TableSql() {
    }

    static String create(Table t) {
        String name = Sql.name(t.name());
        String partitionBy = t.partitionKey() == null ? "" : " PARTITION BY " + t.partitionKey();
        if (t.partitionOf() != null) {
            return "CREATE " + (t.unlogged() ? "UNLOGGED " : "") + "TABLE " + name + " PARTITION OF "
                    + Sql.name(t.partitionOf().parent()) + " " + t.partitionOf().bound() + partitionBy;
        }
        List<String> columns = new ArrayList<>();
        for (Column c : t.columns()) {
            if (!c.inherited()) {
                columns.add(column(c));
            }
        }
        String body = columns.isEmpty() ? "()" : "(\n    " + String.join(",\n    ", columns) + "\n)";
        String inherits = t.inherits().isEmpty() ? ""
                : " INHERITS (" + t.inherits().stream().map(Sql::name).collect(Collectors.joining(", ")) + ")";
        return "CREATE " + (t.unlogged() ? "UNLOGGED " : "") + "TABLE " + name + " " + body + inherits + partitionBy;
    }

    static String column(Column c) {
        StringBuilder sql = new StringBuilder(Sql.ident(c.name())).append(' ').append(c.type());
        if (c.collation() != null) {
            sql.append(" COLLATE ").append(c.collation());
        }
        if (c.generated() != null) {
            sql.append(" GENERATED ALWAYS AS (").append(c.generated()).append(") ").append(c.generatedStorage());
        } else if (c.identity() != Column.Identity.NONE) {
            sql.append(" GENERATED ").append(identity(c.identity())).append(" AS IDENTITY");
        } else if (c.defaultExpression() != null) {
            sql.append(" DEFAULT ").append(c.defaultExpression());
        }
        if (c.notNull()) {
            sql.append(" NOT NULL");
        }
        return sql.toString();
    }

    static String identity(Column.Identity identity) {
        return identity == Column.Identity.ALWAYS ? "ALWAYS" : "BY DEFAULT";
    }

    static String alter(QualifiedName table) {
        return "ALTER TABLE " + Sql.name(table);
    }

    static String addConstraint(QualifiedName table, Constraint c, boolean notValid) {
        return alter(table) + " ADD CONSTRAINT " + Sql.ident(c.name()) + " " + c.definition()
                + (notValid ? " NOT VALID" : "");
    }

    static String createPolicy(QualifiedName table, Policy p) {
        StringBuilder sql = new StringBuilder("CREATE POLICY ").append(Sql.ident(p.name())).append(" ON ")
                .append(Sql.name(table)).append(" AS ").append(p.permissive() ? "PERMISSIVE" : "RESTRICTIVE")
                .append(" FOR ").append(p.command()).append(" TO ")
                .append(p.roles().stream().map(Sql::role).collect(Collectors.joining(", ")));
        if (p.using() != null) {
            sql.append(" USING (").append(p.using()).append(')');
        }
        if (p.withCheck() != null) {
            sql.append(" WITH CHECK (").append(p.withCheck()).append(')');
        }
        return sql.toString();
    }

    static String triggerState(QualifiedName table, String name, String enabled) {
        String action = switch (enabled) {
            case "D" -> "DISABLE";
            case "R" -> "ENABLE REPLICA";
            case "A" -> "ENABLE ALWAYS";
            default -> "ENABLE";
        };
        return alter(table) + " " + action + " TRIGGER " + Sql.ident(name);
    }

    /** {@code CREATE [UNIQUE] INDEX CONCURRENTLY …} from a pg_get_indexdef text. */
    static String concurrently(String indexDefinition) {
        return indexDefinition.replaceFirst("^CREATE (UNIQUE )?INDEX ", "CREATE $1INDEX CONCURRENTLY ");
    }
}
