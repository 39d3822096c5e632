package io.github.pgmigrate.schema.diff;

import io.github.pgmigrate.schema.model.Column;
import io.github.pgmigrate.schema.model.Constraint;
import io.github.pgmigrate.schema.model.ConstraintKind;
import io.github.pgmigrate.schema.model.Index;
import io.github.pgmigrate.schema.model.ObjectKind;
import io.github.pgmigrate.schema.model.ObjectRef;
import io.github.pgmigrate.schema.model.Policy;
import io.github.pgmigrate.schema.model.QualifiedName;
import io.github.pgmigrate.schema.model.Table;
import io.github.pgmigrate.schema.model.Trigger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.Objects;

/** Creates, alters and drops tables and everything that hangs off them. */
final class TableDiffer {
    static final int RANK = 3;
    /** A primary key or unique constraint that an existing unique index can become (no INCLUDE, no options). */
    private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile(
            "(PRIMARY KEY|UNIQUE) \\(([^()]*)\\)");

    private final PlanPhases plan;
    private final DiffOptions options;

    private final Predicate<QualifiedName> keysBuiltInTransaction;

    /** @param keysBuiltInTransaction whether a table's keys exist without a concurrent index build of this plan */
    TableDiffer(PlanPhases plan, DiffOptions options, Predicate<QualifiedName> keysBuiltInTransaction) {
        this.plan = plan;
        this.options = options;
        this.keysBuiltInTransaction = keysBuiltInTransaction;
    }

    void create(Table t) {
        plan.unit(ObjectRef.of(ObjectKind.TABLE, t.name()), RANK, List.of(Step.tx(TableSql.create(t))));
        parts(null, t);
    }

    /** @param goesWithParent a partition whose partitioned table is dropped too (it goes with it) */
    void drop(Table t, boolean goesWithParent, String loss) {
        for (Constraint c : t.constraints()) {
            if (c.kind() == ConstraintKind.FOREIGN_KEY) {
                plan.dropForeignKeys.add(dropConstraint(t.name(), c));
            }
        }
        Hazard hazard = plan.hazard("table " + t.name(), loss);
        if (!goesWithParent) {
            plan.dropTables.add(Step.risky("DROP TABLE " + Sql.name(t.name()), hazard.toString()));
        }
    }

    /** @return true when columns are dropped or change type, so views over the table must be recreated */
    boolean alter(Table from, Table to) {
        QualifiedName name = to.name();
        List<Step> steps = new ArrayList<>();
        boolean reshaped = false;
        for (Column c : from.columns()) {
            if (!c.inherited() && to.column(c.name()) == null) {
                Hazard hazard = plan.hazard("column " + name + "." + c.name(), "dropped with its data");
                steps.add(Step.risky(TableSql.alter(name) + " DROP COLUMN " + Sql.ident(c.name()),
                        hazard.toString()));
                reshaped = true;
            }
        }
        for (Column c : to.columns()) {
            if (c.inherited()) {
                continue;
            }
            Column old = from.column(c.name());
            if (old == null || old.inherited()) {
                steps.add(Step.tx(TableSql.alter(name) + " ADD COLUMN " + TableSql.column(c)));
            } else {
                reshaped |= alterColumn(name, old, c, steps);
            }
        }
        if (from.unlogged() != to.unlogged()) {
            steps.add(Step.tx(TableSql.alter(name) + (to.unlogged() ? " SET UNLOGGED" : " SET LOGGED")));
        }
        plan.unit(ObjectRef.of(ObjectKind.TABLE, name), RANK, steps);
        if (!Objects.equals(from.partitionOf(), to.partitionOf())) {
            if (from.partitionOf() != null) {
                plan.tableParts.add(Step.risky(TableSql.alter(from.partitionOf().parent()) + " DETACH PARTITION "
                        + Sql.name(name), "a partition moves: DETACH takes an ACCESS EXCLUSIVE lock on the"
                        + " partitioned table (CONCURRENTLY needs PostgreSQL 14 and cannot move a partition in one"
                        + " step)"));
            }
            if (to.partitionOf() != null) {
                plan.tableParts.add(Step.tx(TableSql.alter(to.partitionOf().parent()) + " ATTACH PARTITION "
                        + Sql.name(name) + " " + to.partitionOf().bound()));
            }
        }
        for (QualifiedName parent : from.inherits()) {
            if (!to.inherits().contains(parent)) {
                plan.tableParts.add(Step.tx(TableSql.alter(name) + " NO INHERIT " + Sql.name(parent)));
            }
        }
        for (QualifiedName parent : to.inherits()) {
            if (!from.inherits().contains(parent)) {
                plan.tableParts.add(Step.tx(TableSql.alter(name) + " INHERIT " + Sql.name(parent)));
            }
        }
        parts(from, to);
        return reshaped;
    }

    private boolean alterColumn(QualifiedName table, Column old, Column c, List<Step> steps) {
        String column = TableSql.alter(table) + " ALTER COLUMN " + Sql.ident(c.name());
        if (!Objects.equals(old.generated(), c.generated())
                || !Objects.equals(old.generatedStorage(), c.generatedStorage())) {
            String risk = old.generated() == null
                    ? plan.hazard("column " + table + "." + c.name(), "replaced by a generated column: its data is lost")
                            .toString()
                    : "a generated column's expression changes: the column is recomputed by rewriting the table";
            steps.add(Step.risky(TableSql.alter(table) + " DROP COLUMN " + Sql.ident(c.name()), risk));
            steps.add(Step.risky(TableSql.alter(table) + " ADD COLUMN " + TableSql.column(c), risk));
            return true;
        }
        boolean retyped = !old.type().equals(c.type()) || !Objects.equals(old.collation(), c.collation());
        boolean defaultDropped = false;
        if (retyped) {
            if (old.defaultExpression() != null) {
                steps.add(Step.tx(column + " DROP DEFAULT"));
                defaultDropped = true;
            }
            String risk = "the type of " + table + "." + c.name() + " changes from " + old.type() + " to " + c.type()
                    + ": PostgreSQL rewrites the table unless the types are binary-compatible";
            if (!Widening.keepsValues(old.type(), c.type())) {
                risk = plan.hazard("column " + table + "." + c.name(), "type changes from " + old.type() + " to "
                        + c.type() + ": values that do not fit make the change fail or are converted").toString();
            }
            steps.add(Step.risky(column + " TYPE " + c.type()
                    + (c.collation() == null ? "" : " COLLATE " + c.collation())
                    + (old.type().equals(c.type()) ? "" : " USING " + Sql.ident(c.name()) + "::" + c.type()), risk));
        }
        if (!Objects.equals(old.defaultExpression(), c.defaultExpression()) || defaultDropped) {
            if (c.defaultExpression() != null) {
                steps.add(Step.tx(column + " SET DEFAULT " + c.defaultExpression()));
            } else if (!defaultDropped) {
                steps.add(Step.tx(column + " DROP DEFAULT"));
            }
        }
        if (old.notNull() && !c.notNull() && c.identity() == Column.Identity.NONE) {
            steps.add(Step.tx(column + " DROP NOT NULL"));
        }
        if (!old.notNull() && c.notNull()) {
            setNotNull(table, c.name(), column);
        }
        if (old.identity() != c.identity()) {
            String change = old.identity() == Column.Identity.NONE
                    ? " ADD GENERATED " + TableSql.identity(c.identity()) + " AS IDENTITY"
                    : c.identity() == Column.Identity.NONE ? " DROP IDENTITY"
                    : " SET GENERATED " + TableSql.identity(c.identity());
            plan.afterValidation.add(Step.tx(column + change));
        }
        if (old.identity() != Column.Identity.NONE && c.identity() == Column.Identity.NONE && !c.notNull()) {
            plan.afterValidation.add(Step.tx(column + " DROP NOT NULL"));
        }
        return retyped;
    }

    /** SET NOT NULL without a full-table scan under an exclusive lock: a CHECK proves it first (PostgreSQL 12+). */
    private void setNotNull(QualifiedName table, String columnName, String alterColumn) {
        if (!options.online()) {
            plan.afterValidation.add(Step.tx(alterColumn + " SET NOT NULL"));
            return;
        }
        String check = Sql.ident(truncate(table.name() + "_" + columnName + "_not_null"));
        plan.tableParts.add(Step.tx(TableSql.alter(table) + " ADD CONSTRAINT " + check + " CHECK ("
                + Sql.ident(columnName) + " IS NOT NULL) NOT VALID"));
        plan.validations.add(Step.tx(TableSql.alter(table) + " VALIDATE CONSTRAINT " + check));
        plan.afterValidation.add(Step.tx(alterColumn + " SET NOT NULL"));
        plan.afterValidation.add(Step.tx(TableSql.alter(table) + " DROP CONSTRAINT " + check));
    }

    private static String truncate(String identifier) {
        return identifier.length() <= 63 ? identifier : identifier.substring(0, 63);
    }

    /** Constraints, indexes, triggers, row security, policies, comments, owner and grants; from is null for new. */
    private void parts(Table from, Table to) {
        QualifiedName name = to.name();
        boolean existing = from != null;
        boolean online = existing && options.online() && to.partitionKey() == null;
        constraints(from, to, online);
        List<Index> oldIndexes = existing ? from.indexes() : List.of();
        for (Index i : oldIndexes) {
            if (to.indexes().stream().noneMatch(i::sameAs)) {
                String target = Sql.ident(name.schema()) + "." + Sql.ident(i.name());
                plan.dropDependents.add(online ? Step.noTx("DROP INDEX CONCURRENTLY " + target)
                        : Step.tx("DROP INDEX " + target));
            }
        }
        for (Index i : to.indexes()) {
            if (oldIndexes.stream().noneMatch(i::sameAs)) {
                plan.tableParts.add(online ? Step.noTx(TableSql.concurrently(i.definition()))
                        : existing && to.partitionKey() != null ? Step.risky(i.definition(), "PostgreSQL cannot build"
                        + " an index on a partitioned table CONCURRENTLY: writes wait until every partition is indexed")
                        : Step.tx(i.definition()));
            }
        }
        triggers(existing ? from.triggers() : List.of(), to);
        boolean oldRls = existing && from.rowSecurity();
        boolean oldForce = existing && from.forceRowSecurity();
        if (oldRls != to.rowSecurity()) {
            plan.attached.add(Step.tx(TableSql.alter(name) + (to.rowSecurity() ? " ENABLE" : " DISABLE")
                    + " ROW LEVEL SECURITY"));
        }
        if (oldForce != to.forceRowSecurity()) {
            plan.attached.add(Step.tx(TableSql.alter(name) + (to.forceRowSecurity() ? " FORCE" : " NO FORCE")
                    + " ROW LEVEL SECURITY"));
        }
        List<Policy> oldPolicies = existing ? from.policies() : List.of();
        for (Policy p : oldPolicies) {
            if (to.policies().stream().noneMatch(p::sameAs)) {
                plan.dropDependents.add(Step.tx("DROP POLICY " + Sql.ident(p.name()) + " ON " + Sql.name(name)));
            }
        }
        for (Policy p : to.policies()) {
            Policy old = oldPolicies.stream().filter(o -> o.name().equals(p.name())).findFirst().orElse(null);
            if (!p.sameAs(old)) {
                plan.attached.add(Step.tx(TableSql.createPolicy(name, p)));
            }
            Meta.comment(plan.meta, "POLICY " + Sql.ident(p.name()) + " ON " + Sql.name(name),
                    p.sameAs(old) ? old.comment() : null, p.comment());
        }
        meta(from, to);
    }

    private void constraints(Table from, Table to, boolean online) {
        QualifiedName name = to.name();
        List<Constraint> old = from == null ? List.of() : from.constraints();
        for (Constraint c : old) {
            Constraint now = find(to.constraints(), c.name());
            if (now == null || !sameShape(c, now)) {
                (c.kind() == ConstraintKind.FOREIGN_KEY ? plan.dropForeignKeys : plan.dropDependents)
                        .add(dropConstraint(name, c));
            }
        }
        for (Constraint c : to.constraints()) {
            Constraint before = find(old, c.name());
            boolean add = before == null || !sameShape(before, c);
            List<Step> target = c.kind() != ConstraintKind.FOREIGN_KEY ? plan.tableParts
                    : from == null && keysBuiltInTransaction.test(c.references()) ? plan.newTableForeignKeys
                    : plan.foreignKeys;
            boolean deferValidation = online && (c.kind() == ConstraintKind.FOREIGN_KEY
                    || c.kind() == ConstraintKind.CHECK);
            java.util.regex.Matcher key = KEY.matcher(c.definition());
            if (add && online && key.matches()) {
                // The index is built without blocking writes; the constraint then only adopts it.
                plan.tableParts.add(Step.noTx("CREATE UNIQUE INDEX CONCURRENTLY " + Sql.ident(c.name()) + " ON "
                        + Sql.name(name) + " (" + key.group(2) + ")"));
                plan.afterValidation.add(Step.tx(TableSql.alter(name) + " ADD CONSTRAINT " + Sql.ident(c.name()) + " "
                        + key.group(1) + " USING INDEX " + Sql.ident(c.name())));
            } else if (add) {
                target.add(Step.tx(TableSql.addConstraint(name, c, !c.validated() || deferValidation)));
            }
            if (c.validated() && (add && deferValidation || !add && !before.validated())) {
                plan.validations.add(Step.tx(TableSql.alter(name) + " VALIDATE CONSTRAINT " + Sql.ident(c.name())));
            }
            if (!add && before.validated() && !c.validated()) {
                plan.dropDependents.add(dropConstraint(name, before));
                target.add(Step.tx(TableSql.addConstraint(name, c, true)));
            }
            Meta.comment(plan.meta, "CONSTRAINT " + Sql.ident(c.name()) + " ON " + Sql.name(name),
                    add ? null : before.comment(), c.comment());
        }
    }

    private static boolean sameShape(Constraint a, Constraint b) {
        return a.kind() == b.kind() && a.definition().equals(b.definition());
    }

    private static Constraint find(List<Constraint> constraints, String name) {
        return constraints.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    private static Step dropConstraint(QualifiedName table, Constraint c) {
        return Step.tx(TableSql.alter(table) + " DROP CONSTRAINT " + Sql.ident(c.name()));
    }

    private void triggers(List<Trigger> old, Table to) {
        QualifiedName name = to.name();
        for (Trigger t : old) {
            Trigger now = to.triggers().stream().filter(n -> n.name().equals(t.name())).findFirst().orElse(null);
            if (now == null || !now.definition().equals(t.definition())) {
                plan.dropDependents.add(Step.tx("DROP TRIGGER " + Sql.ident(t.name()) + " ON " + Sql.name(name)));
            }
        }
        for (Trigger t : to.triggers()) {
            Trigger before = old.stream().filter(o -> o.name().equals(t.name())).findFirst().orElse(null);
            boolean create = before == null || !before.definition().equals(t.definition());
            if (create) {
                plan.attached.add(Step.tx(t.definition()));
            }
            if (!t.enabled().equals(create ? "O" : before.enabled())) {
                plan.attached.add(Step.tx(TableSql.triggerState(name, t.name(), t.enabled())));
            }
            Meta.comment(plan.meta, "TRIGGER " + Sql.ident(t.name()) + " ON " + Sql.name(name),
                    create ? null : before.comment(), t.comment());
        }
    }

    private void meta(Table from, Table to) {
        String name = Sql.name(to.name());
        Meta.comment(plan.meta, "TABLE " + name, from == null ? null : from.comment(), to.comment());
        for (Column c : to.columns()) {
            Column old = from == null ? null : from.column(c.name());
            boolean recreated = old != null && !Objects.equals(old.generated(), c.generated());
            Meta.comment(plan.meta, "COLUMN " + name + "." + Sql.ident(c.name()),
                    old == null || recreated ? null : old.comment(), c.comment());
        }
        for (Index i : to.indexes()) {
            Index old = from == null ? null
                    : from.indexes().stream().filter(i::sameAs).findFirst().orElse(null);
            Meta.comment(plan.meta, "INDEX " + Sql.ident(to.name().schema()) + "." + Sql.ident(i.name()),
                    old == null ? null : old.comment(), i.comment());
        }
        Meta.owner(plan.meta, options, "ALTER TABLE " + name, from == null ? null : from.owner(), to.owner());
        Meta.grants(plan.meta, "TABLE " + name, from == null ? List.of() : from.grants(), to.grants());
    }
}
