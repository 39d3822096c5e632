package io.github.pgmigrate.lint;

import io.github.pgmigrate.ddl.AlterAction;
import io.github.pgmigrate.ddl.Span;
import io.github.pgmigrate.ddl.Ddl;
import io.github.pgmigrate.ddl.ObjectKind;

/**
 * Statements that run outside a transaction cannot be rolled back, so a migration that fails half way is re-run over
 * a partly applied state; each statement should then be idempotent.
 */
final class RobustnessRules implements RuleGroup {
    private static final String FIX = "make it idempotent (IF [NOT] EXISTS), so a re-run after a partial failure succeeds.";

    @Override
    public void check(StatementView s, MigrationState state, FindingSink out) {
        if (s.inTransaction()) {
            return;
        }
        Ddl ddl = s.ddl();
        if (ddl instanceof Ddl.CreateTable create && !create.ifNotExists() && !(create.temporary() && create.onCommitDrop())) {
            report(s, null, "CREATE TABLE " + Names.of(create.name()), out);
        } else if (ddl instanceof Ddl.CreateIndex index && index.name() != null && !index.ifNotExists()) {
            report(s, null, (index.concurrently() ? "CREATE INDEX CONCURRENTLY " : "CREATE INDEX ") + Names.of(index.name()), out);
        } else if (ddl instanceof Ddl.Drop drop && !drop.ifExists()
                && (drop.kind() == ObjectKind.TABLE || drop.kind() == ObjectKind.INDEX || drop.kind() == ObjectKind.TYPE)) {
            report(s, null, "DROP " + drop.kind().name() + " without IF EXISTS", out);
        } else if (ddl instanceof Ddl.AlterTable alter) {
            for (AlterAction action : alter.actions()) {
                if (action instanceof AlterAction.AddColumn add && !add.ifNotExists()) {
                    report(s, add.span(), "ADD COLUMN " + Names.of(add.column().name()), out);
                } else if (action instanceof AlterAction.DropColumn drop && !drop.ifExists()) {
                    report(s, drop.span(), "DROP COLUMN " + Names.of(drop.column()), out);
                } else if (action instanceof AlterAction.DropConstraint drop && !drop.ifExists()) {
                    report(s, drop.span(), "DROP CONSTRAINT " + Names.of(drop.name()), out);
                } else if (action instanceof AlterAction.AddConstraint add
                        && (add.constraint().name() == null || !state.droppedConstraintsIfExists.contains(add.constraint().name()))) {
                    out.report(Rule.PREFER_ROBUST_STMTS, s, add.span(), "ADD CONSTRAINT runs outside a transaction and fails if re-run after a partial failure.",
                            "name the constraint and precede it with ALTER TABLE … DROP CONSTRAINT IF EXISTS <name>.");
                }
            }
        }
    }

    private static void report(StatementView s, Span at, String what, FindingSink out) {
        out.report(Rule.PREFER_ROBUST_STMTS, s, at, what + " runs outside a transaction and fails if the migration is re-run after a partial failure.", FIX);
    }
}
