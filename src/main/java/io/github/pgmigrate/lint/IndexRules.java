package io.github.pgmigrate.lint;

import io.github.pgmigrate.ddl.Ddl;
import io.github.pgmigrate.ddl.ObjectKind;
import io.github.pgmigrate.ddl.QualifiedName;

/** Index builds, drops and rebuilds. */
final class IndexRules implements RuleGroup {
    private final PgVersion pg;

    IndexRules(PgVersion pg) {
        this.pg = pg;
    }

    @Override
    public void check(StatementView s, MigrationState state, FindingSink out) {
        if (s.ddl() instanceof Ddl.CreateIndex index) {
            createIndex(s, index, state, out);
        } else if (s.ddl() instanceof Ddl.Drop drop && drop.kind() == ObjectKind.INDEX && !drop.concurrently()) {
            boolean existing = drop.names().stream().anyMatch(n -> !state.isNewIndex(n));
            if (existing) {
                out.report(Rule.REQUIRE_CONCURRENT_INDEX_DELETION, s, "DROP INDEX " + names(drop) + " takes an ACCESS EXCLUSIVE lock on its table;"
                                + " it waits behind long transactions and every query on the table queues behind it.",
                        "DROP INDEX CONCURRENTLY IF EXISTS (one index per statement, no CASCADE) in a migration with -- atlas:txmode none.");
            }
        } else if (s.ddl() instanceof Ddl.Reindex reindex) {
            reindex(s, reindex, out);
        }
    }

    private void createIndex(StatementView s, Ddl.CreateIndex index, MigrationState state, FindingSink out) {
        if (state.isNewTable(index.table())) {
            return;
        }
        String t = Names.of(index.table());
        String what = index.name() == null ? "an index" : "index " + Names.of(index.name());
        if (!index.concurrently()) {
            out.report(Rule.REQUIRE_CONCURRENT_INDEX_CREATION, s, "Creating " + what + " on " + t
                            + " without CONCURRENTLY takes a SHARE lock on " + t + " for the whole build: writes are blocked, reads continue.",
                    "CREATE INDEX CONCURRENTLY IF NOT EXISTS … in its own migration with -- atlas:txmode none; if it fails, drop the INVALID index and retry.");
        } else {
            corruptionWindow(s, "CREATE INDEX CONCURRENTLY", out);
        }
        if (index.unique()) {
            out.report(Rule.UNIQUE_INDEX_MAY_FAIL, s, "Creating unique " + what + " on existing table " + t
                            + " fails if the indexed columns already hold duplicates.",
                    "check for duplicates first (SELECT … GROUP BY … HAVING count(*) > 1) and clean them up in an earlier migration.");
        }
    }

    private void reindex(StatementView s, Ddl.Reindex reindex, FindingSink out) {
        if (reindex.concurrently()) {
            corruptionWindow(s, "REINDEX CONCURRENTLY", out);
            return;
        }
        if (reindex.target().equals("system")) {
            return;
        }
        String target = reindex.target().toUpperCase(java.util.Locale.ROOT) + (reindex.name() == null ? "" : " " + Names.of(reindex.name()));
        out.report(Rule.REQUIRE_CONCURRENT_REINDEX, s, "REINDEX " + target
                        + " takes a SHARE lock on the table and an ACCESS EXCLUSIVE lock on each index it rebuilds: writes block, and reads that use the indexes block too.",
                pg.atLeast(12) ? "REINDEX … CONCURRENTLY in a migration with -- atlas:txmode none (a failure leaves INVALID *_ccnew indexes to drop)."
                        : "upgrade to PostgreSQL 12+ for REINDEX CONCURRENTLY, or build a replacement index CONCURRENTLY and drop the old one.");
    }

    private void corruptionWindow(StatementView s, String what, FindingSink out) {
        if (pg.major() == 14 && pg.hasMinor() && pg.minor() < 4) {
            out.report(Rule.PG14_CONCURRENT_INDEX_CORRUPTION, s, what + " on PostgreSQL " + pg
                            + " can silently corrupt the index (bug fixed in 14.4).",
                    "upgrade the server to 14.4 or later before building indexes concurrently.");
        }
    }

    private static String names(Ddl.Drop drop) {
        return String.join(", ", drop.names().stream().map(QualifiedName::toString).toList());
    }
}
