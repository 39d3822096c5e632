package io.github.pgmigrate.lint;

import io.github.pgmigrate.ddl.ColumnDefinition;
import io.github.pgmigrate.ddl.ConstraintKind;
import io.github.pgmigrate.ddl.Ddl;
import io.github.pgmigrate.ddl.ObjectKind;
import io.github.pgmigrate.ddl.QualifiedName;

/** lock_timeout / statement_timeout hygiene for statements that lock objects other sessions use. */
final class TimeoutRules implements RuleGroup {
    /** strong_migrations' default ceiling for a lock wait. */
    static final long LOCK_TIMEOUT_LIMIT_MS = 10_000;

    @Override
    public void check(StatementView s, MigrationState state, FindingSink out) {
        Ddl ddl = s.ddl();
        if (ddl instanceof Ddl.SetParameter set) {
            if (set.local() && !s.inTransaction()) {
                // SET LOCAL outside a transaction block has no effect.
                return;
            }
            if (set.name().equals("lock_timeout")) {
                state.lockTimeoutSet = !set.value().equals("default");
                Long ms = PgTimeValues.millis(set.value());
                if (ms != null && (ms == 0 || ms > LOCK_TIMEOUT_LIMIT_MS)) {
                    out.report(Rule.LOCK_TIMEOUT_TOO_LONG, s, "lock_timeout = " + set.value() + (ms == 0 ? " disables the timeout:" : " is long:")
                                    + " a DDL waiting for its lock makes every later query on the table queue behind it for that long.",
                            "use a short lock_timeout (1s–5s) and retry the migration if it times out.");
                }
            } else if (set.name().equals("statement_timeout")) {
                state.statementTimeoutSet = !set.value().equals("default");
            }
            return;
        }
        if (ddl instanceof Ddl.Other other && other.words().startsWith("reset")) {
            if (other.words().equals("reset lock_timeout") || other.words().equals("reset all")) {
                state.lockTimeoutSet = false;
            }
            if (other.words().equals("reset statement_timeout") || other.words().equals("reset all")) {
                state.statementTimeoutSet = false;
            }
            return;
        }
        String locked = lockedObject(ddl, state);
        if (locked == null) {
            return;
        }
        if (!state.lockTimeoutSet && !state.lockTimeoutReported) {
            state.lockTimeoutReported = true;
            out.report(Rule.REQUIRE_LOCK_TIMEOUT, s, "This statement locks " + locked + " with no lock_timeout set: while it waits for its lock,"
                            + " every later query on " + locked + " queues behind it.",
                    "start the file with SET lock_timeout = '2s' (SET LOCAL inside a transaction) and retry on timeout.");
        }
        if (!state.statementTimeoutSet && !state.statementTimeoutReported) {
            state.statementTimeoutReported = true;
            out.report(Rule.REQUIRE_STATEMENT_TIMEOUT, s, "This statement locks " + locked
                            + " with no statement_timeout set: nothing bounds how long it holds the lock.",
                    "start the file with SET statement_timeout = '…' sized for the migration.");
        }
    }

    /**
     * The pre-existing object a statement locks in a mode that blocks reads or writes (SHARE or stronger), for
     * messages, or null. Waiting for a weaker lock (CREATE INDEX CONCURRENTLY, VALIDATE CONSTRAINT: SHARE UPDATE
     * EXCLUSIVE) does not make application queries queue, so those statements need no lock_timeout.
     */
    static String lockedObject(Ddl ddl, MigrationState state) {
        if (ddl instanceof Ddl.AlterTable alter) {
            if (!alter.lock().blocksTraffic()) {
                return null;
            }
            return alter.name() == null ? "the tables of a tablespace" : existingTable(alter.name(), state);
        }
        if (ddl instanceof Ddl.CreateIndex index) {
            return index.concurrently() ? null : existingTable(index.table(), state);
        }
        if (ddl instanceof Ddl.Drop drop) {
            if (drop.concurrently()) {
                return null;
            }
            for (QualifiedName name : drop.names()) {
                boolean isNew = switch (drop.kind()) {
                    case INDEX -> state.isNewIndex(name);
                    case TABLE, MATERIALIZED_VIEW, SEQUENCE -> state.isNewTable(name);
                    case VIEW -> state.isNewView(name);
                    case TYPE, DOMAIN -> state.isNewType(name);
                    case SCHEMA -> state.isNewSchema(name);
                    default -> true;
                };
                if (!isNew) {
                    return Names.of(name);
                }
            }
            return null;
        }
        if (ddl instanceof Ddl.Reindex reindex) {
            if (reindex.concurrently()) {
                return null;
            }
            return reindex.name() == null ? "the indexes" : Names.of(reindex.name());
        }
        if (ddl instanceof Ddl.Cluster cluster) {
            return cluster.table() == null ? "the clustered tables" : existingTable(cluster.table(), state);
        }
        if (ddl instanceof Ddl.Vacuum vacuum && vacuum.full()) {
            return "the vacuumed tables";
        }
        if (ddl instanceof Ddl.Truncate truncate) {
            return truncate.tables().stream().map(t -> existingTable(t, state)).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        }
        if (ddl instanceof Ddl.LockTable lock) {
            if (!lock.mode().blocksTraffic()) {
                return null;
            }
            return lock.tables().isEmpty() ? "the table" : Names.of(lock.tables().get(0));
        }
        if (ddl instanceof Ddl.RefreshMaterializedView refresh) {
            // Both forms block: plain REFRESH takes ACCESS EXCLUSIVE, CONCURRENTLY takes EXCLUSIVE (writes).
            return existingTable(refresh.name(), state);
        }
        if (ddl instanceof Ddl.CreateTrigger trigger) {
            return existingTable(trigger.table(), state);
        }
        if (ddl instanceof Ddl.AlterDomainAddConstraint domain) {
            return state.isNewType(domain.name()) ? null : "the tables using " + Names.of(domain.name());
        }
        if (ddl instanceof Ddl.AlterRelation relation && relation.name() != null) {
            boolean isNew = relation.kind() == ObjectKind.INDEX ? state.isNewIndex(relation.name()) : state.isNewTable(relation.name());
            return isNew ? null : Names.of(relation.name());
        }
        if (ddl instanceof Ddl.CreateTable create) {
            if (create.partitionOf() != null) {
                return existingTable(create.partitionOf(), state);
            }
            for (ColumnDefinition column : create.columns()) {
                if (column.references() != null && !state.isNewTable(column.references())) {
                    return Names.of(column.references());
                }
            }
            return create.constraints().stream()
                    .filter(c -> c.kind() == ConstraintKind.FOREIGN_KEY && c.references() != null)
                    .map(c -> existingTable(c.references(), state)).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        }
        return null;
    }

    private static String existingTable(QualifiedName table, MigrationState state) {
        return table == null || state.isNewTable(table) ? null : Names.of(table);
    }
}
