package io.github.pgmigrate.lint;

import io.github.pgmigrate.ddl.Ddl;
import io.github.pgmigrate.ddl.LockLevel;
import io.github.pgmigrate.ddl.QualifiedName;

/** Lock duration inside one transaction: work after an ACCESS EXCLUSIVE lock, repeated ALTER TABLE on one table. */
final class ContentionRules implements RuleGroup {

    @Override
    public void check(StatementView s, MigrationState state, FindingSink out) {
        Ddl ddl = s.ddl();
        if (ddl instanceof Ddl.Begin || ddl instanceof Ddl.Commit || ddl instanceof Ddl.Rollback
                || ddl instanceof Ddl.SetParameter || (ddl instanceof Ddl.Other other && other.words().startsWith("reset"))) {
            return;
        }
        if (s.inTransaction() && state.accessExclusiveTransaction != null
                && state.accessExclusiveTransaction == s.transactionId() && !state.accessExclusiveReported
                && mayTakeLong(ddl, state)) {
            state.accessExclusiveReported = true;
            out.report(Rule.STATEMENTS_AFTER_ACCESS_EXCLUSIVE, s, "This statement runs while the transaction still holds the ACCESS EXCLUSIVE lock on "
                            + state.accessExclusiveTable + " taken earlier: every query on that table waits until COMMIT.",
                    "put the ACCESS EXCLUSIVE statement last in its transaction, or in its own migration.");
        }
        if (ddl instanceof Ddl.AlterTable alter && alter.name() != null && !state.isNewTable(alter.name())) {
            QualifiedName table = alter.name();
            int count = alter.lock().blocksTraffic() ? state.alterCounts.merge(key(table), 1, Integer::sum) : 0;
            if (count == 2) {
                out.report(Rule.MULTIPLE_ALTER_TABLE_SAME_TABLE, s, "Second ALTER TABLE on " + Names.of(table)
                                + " in this file: each one queues for its lock again and may scan or rewrite the table again.",
                        "merge the changes into one ALTER TABLE " + table + " action1, action2, ….");
            }
            if (s.inTransaction() && alter.lock() == LockLevel.ACCESS_EXCLUSIVE
                    && (state.accessExclusiveTransaction == null || state.accessExclusiveTransaction != s.transactionId())) {
                state.accessExclusiveTransaction = s.transactionId();
                state.accessExclusiveTable = Names.of(table);
                state.accessExclusiveReported = false;
            }
        }
    }

    /**
     * Whether the statement can make the held lock last: data changes (their duration depends on the data) and
     * statements that queue for a blocking lock on another existing object. Catalog-only statements such as
     * CREATE VIEW or COMMENT ON (e.g. the compatibility view after a rename) finish at once.
     */
    private static boolean mayTakeLong(Ddl ddl, MigrationState state) {
        if (ddl instanceof Ddl.Insert || ddl instanceof Ddl.Update) {
            return true;
        }
        if (ddl instanceof Ddl.Other other) {
            String w = other.words();
            return w.startsWith("delete") || w.startsWith("merge") || w.startsWith("copy") || w.startsWith("with")
                    || w.startsWith("select") || w.startsWith("do");
        }
        String locked = TimeoutRules.lockedObject(ddl, state);
        return locked != null && !locked.equals(state.accessExclusiveTable);
    }

    private static QualifiedName key(QualifiedName table) {
        return new QualifiedName(null, table.name());
    }
}
