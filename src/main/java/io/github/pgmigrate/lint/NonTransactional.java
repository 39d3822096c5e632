package io.github.pgmigrate.lint;

import io.github.pgmigrate.lint.ddl.AlterAction;
import io.github.pgmigrate.lint.ddl.Ddl;
import io.github.pgmigrate.lint.ddl.ObjectKind;

/** Which statements PostgreSQL refuses inside a transaction block ("cannot run inside a transaction block"). */
final class NonTransactional {
    private NonTransactional() {
    }

    /** A short description of why the statement cannot run in a transaction, or null when it can. */
    static String describe(Ddl ddl) {
        if (ddl instanceof Ddl.CreateIndex index && index.concurrently()) {
            return "CREATE INDEX CONCURRENTLY";
        }
        if (ddl instanceof Ddl.Drop drop && drop.kind() == ObjectKind.INDEX && drop.concurrently()) {
            return "DROP INDEX CONCURRENTLY";
        }
        if (ddl instanceof Ddl.Reindex reindex) {
            if (reindex.concurrently()) {
                return "REINDEX CONCURRENTLY";
            }
            if (reindex.target().equals("schema") || reindex.target().equals("database") || reindex.target().equals("system")) {
                return "REINDEX " + reindex.target().toUpperCase(java.util.Locale.ROOT);
            }
        }
        if (ddl instanceof Ddl.AlterTable alter && alter.actions().stream()
                .anyMatch(a -> a instanceof AlterAction.DetachPartition d && d.concurrently())) {
            return "DETACH PARTITION CONCURRENTLY";
        }
        if (ddl instanceof Ddl.Vacuum) {
            return "VACUUM";
        }
        if (ddl instanceof Ddl.Cluster cluster && cluster.table() == null) {
            return "CLUSTER without a table";
        }
        if (ddl instanceof Ddl.Other other && other.nonTransactional()) {
            return other.words().toUpperCase(java.util.Locale.ROOT);
        }
        return null;
    }
}
