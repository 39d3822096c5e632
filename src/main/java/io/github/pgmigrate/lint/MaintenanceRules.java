package io.github.pgmigrate.lint;

import io.github.pgmigrate.ddl.AlterAction;
import io.github.pgmigrate.ddl.Ddl;
import io.github.pgmigrate.ddl.ObjectKind;

/** Rewrites and explicit locks: VACUUM FULL, CLUSTER, REFRESH MATERIALIZED VIEW, LOCK, triggers, domains, tablespaces. */
final class MaintenanceRules implements RuleGroup {
    private final PgVersion pg;

    MaintenanceRules(PgVersion pg) {
        this.pg = pg;
    }

    @Override
    public void check(StatementView s, MigrationState state, FindingSink out) {
        Ddl ddl = s.ddl();
        String repack = pg.atLeast(19) ? "REPACK (CONCURRENTLY), or pg_repack / pg_squeeze." : "pg_repack or pg_squeeze, which rebuild the table online.";
        if (ddl instanceof Ddl.Vacuum vacuum && vacuum.full()) {
            String what = vacuum.tables().isEmpty() ? "every table of the database" : String.join(", ", vacuum.tables().stream().map(Names::of).toList());
            out.report(Rule.PREFER_REPACK, s, "VACUUM FULL rewrites " + what + " under an ACCESS EXCLUSIVE lock: reads and writes are blocked for the whole rewrite.",
                    "use " + repack);
        } else if (ddl instanceof Ddl.Cluster cluster) {
            String what = cluster.table() == null ? "every previously clustered table" : Names.of(cluster.table());
            out.report(Rule.PREFER_REPACK, s, "CLUSTER rewrites " + what + " under an ACCESS EXCLUSIVE lock: reads and writes are blocked for the whole rewrite.",
                    "use " + repack);
        } else if (ddl instanceof Ddl.RefreshMaterializedView refresh && !refresh.concurrently() && !state.isNewTable(refresh.name())) {
            out.report(Rule.REFRESH_MATVIEW_BLOCKING, s, "REFRESH MATERIALIZED VIEW " + Names.of(refresh.name())
                            + " takes an ACCESS EXCLUSIVE lock: its readers are blocked until the refresh ends.",
                    "REFRESH MATERIALIZED VIEW CONCURRENTLY (needs a unique index on the view; reads continue).");
        } else if (ddl instanceof Ddl.LockTable lock) {
            out.report(Rule.EXPLICIT_LOCK_TABLE, s, "LOCK " + String.join(", ", lock.tables().stream().map(Names::of).toList())
                            + " takes " + lock.mode().display() + " until the transaction ends"
                            + (s.inTransaction() ? "." : "; outside a transaction block it fails (LOCK TABLE can only be used in transaction blocks)."),
                    "keep the transaction short and SET LOCAL lock_timeout before the LOCK.");
        } else if (ddl instanceof Ddl.CreateTrigger trigger && !state.isNewTable(trigger.table())) {
            out.report(Rule.CREATE_TRIGGER_ON_EXISTING_TABLE, s, "CREATE TRIGGER on " + Names.of(trigger.table())
                            + " takes a SHARE ROW EXCLUSIVE lock: writes are blocked until the transaction ends.",
                    "set a short lock_timeout and run it when traffic is low.");
        } else if (ddl instanceof Ddl.AlterDomainAddConstraint domain && !domain.notValid() && !state.isNewType(domain.name())) {
            out.report(Rule.BAN_ALTER_DOMAIN_WITH_ADD_CONSTRAINT, s, "ALTER DOMAIN " + Names.of(domain.name())
                            + " ADD CONSTRAINT checks every column of every table that uses the domain, locking all of them.",
                    "use table CHECK constraints (NOT VALID, then VALIDATE) instead of domain constraints.");
        } else if (ddl instanceof Ddl.CreateDomain domain && domain.hasConstraint()) {
            out.report(Rule.BAN_CREATE_DOMAIN_WITH_CONSTRAINT, s, "Domain " + Names.of(domain.name())
                            + " carries constraints: changing them later, or adding columns of this type, scans and locks every table that uses it.",
                    "use the plain base type with table CHECK constraints.");
        } else if (ddl instanceof Ddl.AlterTable alter) {
            alterTable(s, alter, state, out);
        } else if (ddl instanceof Ddl.AlterRelation relation && relation.setTablespace()
                && (relation.name() == null || !(relation.kind() == ObjectKind.INDEX ? state.isNewIndex(relation.name()) : state.isNewTable(relation.name())))) {
            out.report(Rule.SET_TABLESPACE, s, "SET TABLESPACE on " + (relation.name() == null ? "every " + relation.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') : Names.of(relation.name()))
                            + " takes an ACCESS EXCLUSIVE lock while its files are copied.",
                    "move large relations online with pg_repack, or schedule a maintenance window.");
        }
    }

    /** The ALTER TABLE forms of this group: moving tables between tablespaces and switching triggers. */
    private static void alterTable(StatementView s, Ddl.AlterTable alter, MigrationState state, FindingSink out) {
        if (alter.name() == null) {
            out.report(Rule.SET_TABLESPACE, s,
                    "ALTER TABLE ALL IN TABLESPACE takes an ACCESS EXCLUSIVE lock on every table it moves while their files are copied.",
                    "move large tables online with pg_repack or pg_squeeze, or schedule a maintenance window.");
            return;
        }
        if (state.isNewTable(alter.name())) {
            return;
        }
        String t = Names.of(alter.name());
        for (AlterAction action : alter.actions()) {
            if (action instanceof AlterAction.SetTablespace) {
                out.report(Rule.SET_TABLESPACE, s, action.span(), "SET TABLESPACE takes an ACCESS EXCLUSIVE lock on " + t
                                + " while its data files are copied.",
                        "move large tables online with pg_repack or pg_squeeze, or schedule a maintenance window.");
            } else if (action instanceof AlterAction.ToggleTrigger) {
                out.report(Rule.CREATE_TRIGGER_ON_EXISTING_TABLE, s, action.span(), "Enabling or disabling a trigger takes a SHARE ROW EXCLUSIVE lock on "
                                + t + ": writes are blocked until the transaction ends.",
                        "set a short lock_timeout and run it when traffic is low.");
            }
        }
    }
}
