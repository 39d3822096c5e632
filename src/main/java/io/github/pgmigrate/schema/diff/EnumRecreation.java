package io.github.pgmigrate.schema.diff;

import io.github.pgmigrate.schema.model.Column;
import io.github.pgmigrate.schema.model.Dependency;
import io.github.pgmigrate.schema.model.EnumType;
import io.github.pgmigrate.schema.model.ObjectKind;
import io.github.pgmigrate.schema.model.ObjectRef;
import io.github.pgmigrate.schema.model.SchemaModel;
import io.github.pgmigrate.schema.model.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An enum that loses or reorders values, which {@code ALTER TYPE} cannot do: the old type is renamed out of the way,
 * the new one created under the name, every column converted through its text value, and the old type dropped, in
 * one transaction. Rows holding a removed value make the conversion fail, so nothing is lost silently. Routines and
 * types built on the enum would keep pointing at the old type, so such an enum is refused with what to do by hand.
 */
final class EnumRecreation {
    private static final String OLD_SUFFIX = "__pgmigrate_old";
    private static final int MAX_IDENTIFIER = 63;

    private EnumRecreation() {
    }

    /** The tables whose columns are converted (views reading them must be recreated), after adding the steps. */
    static List<Table> plan(EnumType from, EnumType to, SchemaModel fromModel, SchemaModel toModel,
                            PlanPhases plan, List<Step> steps) {
        ObjectRef type = ObjectRef.of(ObjectKind.TYPE, to.name());
        List<String> blockers = fromModel.dependencies().stream()
                .filter(d -> d.referenced().equals(type))
                .map(Dependency::dependent)
                .filter(d -> d.kind() == ObjectKind.ROUTINE || d.kind() == ObjectKind.TYPE)
                .map(d -> d.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + d.schema() + "." + d.name())
                .distinct().toList();
        if (!blockers.isEmpty()) {
            throw new UnsupportedChangeException("enum " + to.name() + " loses or reorders values (" + from.labels()
                    + " to " + to.labels() + ") and " + String.join(", ", blockers) + " use(s) it: PostgreSQL can"
                    + " only add enum values, and recreating the type would leave them on the old one; write this"
                    + " migration by hand (new type, convert the columns, recreate what uses it, drop the old type)");
        }
        List<String> removed = from.labels().stream().filter(l -> !to.labels().contains(l)).toList();
        String rewrite = "enum " + to.name() + " is recreated to " + (removed.isEmpty() ? "reorder its values"
                : "remove values") + ": each column of the type is converted by rewriting its table";
        String risk = removed.isEmpty() ? rewrite : plan.hazard("enum " + to.name(), "loses value(s) "
                + removed.stream().map(Sql::literal).collect(Collectors.joining(", "))
                + ": rows holding them make the conversion fail").toString();
        String name = Sql.name(to.name());
        String oldName = Sql.ident(to.name().schema()) + "." + Sql.ident(oldName(to.name().name()));
        steps.add(Step.risky("ALTER TYPE " + name + " RENAME TO " + Sql.ident(oldName(to.name().name())), risk));
        steps.add(Step.tx("CREATE TYPE " + name + " AS ENUM (" + to.labels().stream().map(Sql::literal)
                .collect(Collectors.joining(", ")) + ")"));
        List<Table> converted = new ArrayList<>();
        for (Table table : fromModel.tables()) {
            boolean uses = false;
            for (Column column : table.columns()) {
                String cast = cast(column.type(), name);
                if (cast == null || column.inherited()) {
                    continue;
                }
                uses = true;
                String alter = TableSql.alter(table.name()) + " ALTER COLUMN " + Sql.ident(column.name());
                if (column.defaultExpression() != null) {
                    steps.add(Step.tx(alter + " DROP DEFAULT"));
                }
                steps.add(Step.risky(alter + " TYPE " + column.type() + " USING " + Sql.ident(column.name())
                        + cast, risk));
                Column after = toModel.table(table.name()) == null ? null
                        : toModel.table(table.name()).column(column.name());
                if (column.defaultExpression() != null && after != null && after.defaultExpression() != null) {
                    steps.add(Step.tx(alter + " SET DEFAULT " + after.defaultExpression()));
                }
            }
            if (uses) {
                converted.add(table);
            }
        }
        steps.add(Step.tx("DROP TYPE " + oldName));
        return converted;
    }

    /** The USING cast for a column of the enum or an array of it, else null. */
    private static String cast(String columnType, String enumName) {
        if (columnType.equals(enumName)) {
            return "::text::" + enumName;
        }
        if (columnType.equals(enumName + "[]")) {
            return "::text[]::" + enumName + "[]";
        }
        return null;
    }

    private static String oldName(String name) {
        String base = name.length() + OLD_SUFFIX.length() > MAX_IDENTIFIER
                ? name.substring(0, MAX_IDENTIFIER - OLD_SUFFIX.length()) : name;
        return base + OLD_SUFFIX;
    }
}
