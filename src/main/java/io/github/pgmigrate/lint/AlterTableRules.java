package io.github.pgmigrate.lint;

import io.github.pgmigrate.ddl.AlterAction;
import io.github.pgmigrate.ddl.ColumnDefinition;
import io.github.pgmigrate.ddl.ConstraintDefinition;
import io.github.pgmigrate.ddl.ConstraintKind;
import io.github.pgmigrate.ddl.Ddl;
import io.github.pgmigrate.ddl.QualifiedName;
import io.github.pgmigrate.ddl.Span;
import io.github.pgmigrate.ddl.TypeName;

/** Lock and rewrite rules for {@code ALTER TABLE} sub-commands on tables that existed before the file. */
final class AlterTableRules implements RuleGroup {
    private final PgVersion pg;

    AlterTableRules(PgVersion pg) {
        this.pg = pg;
    }

    @Override
    public void check(StatementView s, MigrationState state, FindingSink out) {
        if (!(s.ddl() instanceof Ddl.AlterTable alter) || alter.name() == null || state.isNewTable(alter.name())) {
            return;
        }
        QualifiedName table = alter.name();
        String t = Names.of(table);
        for (AlterAction action : alter.actions()) {
            if (action instanceof AlterAction.AddColumn add) {
                addColumn(s, t, add, out);
            } else if (action instanceof AlterAction.DropColumn drop) {
                if (drop.column() != null && !state.isNewColumn(table, drop.column().name())) {
                    out.report(Rule.BAN_DROP_COLUMN, s, drop.span(), "Dropping column " + Names.of(drop.column()) + " of " + t
                                    + " loses its data and breaks every client that still reads or writes it (ACCESS EXCLUSIVE lock, no rewrite).",
                            "expand/contract: stop using the column in the application and deploy that first, then drop it in a later migration.");
                }
            } else if (action instanceof AlterAction.ChangeType change) {
                changeType(s, t, change, out);
            } else if (action instanceof AlterAction.SetNotNull setNotNull) {
                setNotNull(s, table, setNotNull, state, out);
            } else if (action instanceof AlterAction.DropNotNull dropNotNull) {
                out.report(Rule.BAN_DROP_NOT_NULL, s, dropNotNull.span(), "Dropping NOT NULL on " + Names.of(dropNotNull.column()) + " of " + t
                                + " lets NULLs in that existing clients do not expect (ACCESS EXCLUSIVE lock, brief).",
                        "keep the column NOT NULL with a sentinel value, or introduce a new nullable column and migrate readers.");
            } else if (action instanceof AlterAction.SetExpression expression) {
                out.report(Rule.ADDING_GENERATED_STORED_COLUMN, s, expression.span(), "SET EXPRESSION on " + Names.of(expression.column())
                                + " of " + t + " takes an ACCESS EXCLUSIVE lock and rewrites the table when the column is STORED.",
                        "add a new plain column maintained by a trigger, backfill it in batches, then switch readers.");
            } else if (action instanceof AlterAction.AddConstraint add) {
                addConstraint(s, table, add.constraint(), out);
            } else if (action instanceof AlterAction.ValidateConstraint validate) {
                validate(s, table, validate, state, out);
            } else if (action instanceof AlterAction.RenameColumn rename) {
                out.report(Rule.RENAMING_COLUMN, s, rename.span(), "Renaming column " + Names.of(rename.from()) + " of " + t + " to "
                                + Names.of(rename.to()) + " breaks every running client that uses the old name (ACCESS EXCLUSIVE lock).",
                        "add the new column, dual-write, backfill, move reads, then drop the old column in a later release.");
            } else if (action instanceof AlterAction.RenameTable rename) {
                renameTable(s, table, rename, state, out);
            } else if (action instanceof AlterAction.SetLogged logged) {
                out.report(Rule.SET_LOGGED_UNLOGGED, s, logged.span(), "SET " + (logged.logged() ? "LOGGED" : "UNLOGGED") + " takes an ACCESS EXCLUSIVE lock on "
                                + t + " and rewrites it" + (logged.logged() ? ", writing the whole table to WAL." : "."),
                        "avoid on large tables, or create a new table with the wanted persistence and copy the data.");
            } else if (action instanceof AlterAction.SetAccessMethod) {
                if (pg.atLeast(15)) {
                    out.report(Rule.SET_ACCESS_METHOD, s, action.span(), "SET ACCESS METHOD takes an ACCESS EXCLUSIVE lock on " + t
                                    + " and rewrites the table.",
                            "create a new table with the access method, copy the data in batches, then swap.");
                }
            } else if (action instanceof AlterAction.ReplicaIdentity identity
                    && (identity.identity().equals("full") || identity.identity().equals("nothing"))) {
                out.report(Rule.REPLICA_IDENTITY_CHANGE, s, identity.span(), "REPLICA IDENTITY " + identity.identity().toUpperCase(java.util.Locale.ROOT)
                                + " on " + t + " changes what logical replication sends for UPDATE/DELETE"
                                + (identity.identity().equals("full") ? " (whole old rows: much more WAL)." : " (nothing: UPDATE/DELETE fail on published tables)."),
                        "keep the primary key as replica identity, or use REPLICA IDENTITY USING INDEX on a unique NOT NULL index.");
            } else if (action instanceof AlterAction.DetachPartition detach && !detach.concurrently() && !detach.finalizing()) {
                out.report(Rule.REQUIRE_CONCURRENT_PARTITION_DETACH, pg.atLeast(14) ? FindingSeverity.ERROR : FindingSeverity.WARNING, s, detach.span(),
                        "DETACH PARTITION " + Names.of(detach.partition()) + " takes an ACCESS EXCLUSIVE lock on " + t
                                + " and on the partition: every query on the partitioned table waits.",
                        pg.atLeast(14) ? "DETACH PARTITION … CONCURRENTLY in a migration with -- atlas:txmode none (finish an interrupted one with … FINALIZE)."
                                : "upgrade to PostgreSQL 14+ for DETACH PARTITION CONCURRENTLY, or schedule a maintenance window.");
            }
        }
    }

    private void addColumn(StatementView s, String t, AlterAction.AddColumn add, FindingSink out) {
        ColumnDefinition column = add.column();
        Span at = add.span();
        String c = Names.of(column.name());
        TypeName type = column.type();
        if ((type != null && type.isSerial()) || column.generated() == ColumnDefinition.Generated.IDENTITY) {
            out.report(Rule.ADDING_AUTO_INCREMENT_COLUMN, s, at, "Adding auto-increment column " + c + " to " + t
                            + " takes an ACCESS EXCLUSIVE lock and rewrites the table: every existing row gets a nextval().",
                    "add a nullable bigint column, attach a sequence default for new rows, backfill existing rows in batches.");
        } else if (column.generated() == ColumnDefinition.Generated.STORED
                || (column.generated() == ColumnDefinition.Generated.UNSPECIFIED && !pg.atLeast(18))) {
            out.report(Rule.ADDING_GENERATED_STORED_COLUMN, s, at, "Adding STORED generated column " + c + " to " + t
                            + " takes an ACCESS EXCLUSIVE lock and rewrites the table to compute it for every row.",
                    "add a plain column maintained by a trigger and backfill it in batches"
                            + (pg.atLeast(18) ? ", or use a VIRTUAL generated column." : "."));
        } else if (column.hasDefault()) {
            DefaultVolatility.Verdict verdict = DefaultVolatility.of(column.defaultValue());
            if (verdict.kind() == DefaultVolatility.Kind.VOLATILE || verdict.kind() == DefaultVolatility.Kind.UNKNOWN) {
                String why = verdict.kind() == DefaultVolatility.Kind.VOLATILE
                        ? "volatile " + verdict.function() + "()" : verdict.function() + "(), which is not known to be non-volatile,";
                out.report(Rule.ADDING_FIELD_WITH_DEFAULT, s, at, "Adding column " + c + " to " + t + " with a default that calls " + why
                                + " takes an ACCESS EXCLUSIVE lock and rewrites the table and its indexes.",
                        "add the column without a default, then ALTER COLUMN … SET DEFAULT for new rows and backfill existing rows in batches.");
            } else if (verdict.kind() == DefaultVolatility.Kind.NON_VOLATILE && !pg.atLeast(11)) {
                out.report(Rule.ADDING_FIELD_WITH_DEFAULT, s, at, "Adding column " + c + " to " + t + " with a DEFAULT on PostgreSQL "
                                + pg + " takes an ACCESS EXCLUSIVE lock and rewrites the table (defaults are metadata-only from 11).",
                        "add the column without a default, SET DEFAULT afterwards, and backfill existing rows in batches.");
            }
        }
        if (column.notNull() && !column.hasDefault() && column.generated() == ColumnDefinition.Generated.NONE
                && (type == null || !type.isSerial())) {
            out.report(Rule.ADDING_REQUIRED_FIELD, s, at, "Adding NOT NULL column " + c + " without a DEFAULT to " + t
                            + " fails as soon as the table has a row, and breaks clients that insert without it.",
                    "add the column nullable (or with a non-volatile DEFAULT), backfill, then make it NOT NULL with a validated CHECK.");
        }
        if (column.check() != null) {
            out.report(Rule.CONSTRAINT_MISSING_NOT_VALID, s, at, "Inline CHECK on new column " + c + " of " + t
                            + " is validated against every row under an ACCESS EXCLUSIVE lock.",
                    "add the column first, then ADD CONSTRAINT … CHECK (…) NOT VALID and VALIDATE CONSTRAINT in a later transaction.");
        }
        if (column.references() != null) {
            out.report(Rule.ADDING_FOREIGN_KEY_CONSTRAINT, s, at, "Inline REFERENCES on new column " + c + " of " + t
                            + " validates the foreign key at once under SHARE ROW EXCLUSIVE locks on " + t + " and "
                            + Names.of(column.references()) + " (writes to both blocked).",
                    "add the column, then ADD CONSTRAINT … FOREIGN KEY … NOT VALID and VALIDATE CONSTRAINT in a later transaction.");
        }
        if (column.unique()) {
            out.report(Rule.DISALLOWED_UNIQUE_CONSTRAINT, s, at, "Inline UNIQUE on new column " + c + " of " + t
                            + " builds a unique index under an ACCESS EXCLUSIVE lock (reads and writes blocked).",
                    "add the column, CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT … UNIQUE USING INDEX.");
        }
        if (column.primaryKey()) {
            out.report(Rule.ADDING_PRIMARY_KEY_CONSTRAINT, s, at, "Inline PRIMARY KEY on new column " + c + " of " + t
                            + " builds an index and checks NOT NULL under an ACCESS EXCLUSIVE lock.",
                    "add the column, make it NOT NULL safely, CREATE UNIQUE INDEX CONCURRENTLY, then ADD PRIMARY KEY USING INDEX.");
        }
    }

    private void changeType(StatementView s, String t, AlterAction.ChangeType change, FindingSink out) {
        TypeName type = change.type();
        boolean likelyCoercible = change.using().isEmpty() && type != null && !type.array()
                && (type.is("text") || (type.is("varchar") && !type.hasModifiers())
                || (type.is("numeric") && !type.hasModifiers()) || type.is("inet"));
        String to = type == null ? "?" : type.written();
        if (likelyCoercible) {
            out.report(Rule.CHANGING_COLUMN_TYPE, FindingSeverity.WARNING, s, change.span(), "Changing the type of " + Names.of(change.column()) + " of " + t
                            + " to " + to + " takes an ACCESS EXCLUSIVE lock; it skips the rewrite only when the old type is binary-coercible (e.g. varchar/text, numeric(p,s), cidr), but indexes on the column are still rebuilt.",
                    "make sure the old type is binary-coercible; otherwise add a new column, dual-write, backfill in batches and switch.");
        } else {
            out.report(Rule.CHANGING_COLUMN_TYPE, s, change.span(), "Changing the type of " + Names.of(change.column()) + " of " + t + " to " + to
                            + " takes an ACCESS EXCLUSIVE lock and rewrites the table and its indexes unless the cast is binary-coercible.",
                    "add a new column, dual-write with a trigger, backfill in batches, switch reads, then drop the old column.");
        }
    }

    private void setNotNull(StatementView s, QualifiedName table, AlterAction.SetNotNull setNotNull, MigrationState state,
                            FindingSink out) {
        String column = setNotNull.column().name();
        boolean provenByCheck = pg.atLeast(12) && (state.validatedNotNullChecks.stream()
                .anyMatch(v -> v.table().sameObjectAs(table) && v.column().equals(column))
                || state.validatedForeignConstraintTables.stream().anyMatch(v -> v.sameObjectAs(table)));
        if (provenByCheck) {
            return;
        }
        out.report(Rule.ADDING_NOT_NULLABLE_FIELD, s, setNotNull.span(), "SET NOT NULL on " + Names.of(column) + " of " + Names.of(table)
                        + " takes an ACCESS EXCLUSIVE lock and scans the whole table (and fails if any row is NULL).",
                pg.atLeast(12) ? "ADD CONSTRAINT … CHECK (" + column + " IS NOT NULL) NOT VALID, VALIDATE it in a later transaction, then SET NOT NULL (no scan on PostgreSQL 12+) and drop the check."
                        : "on PostgreSQL " + pg + " there is no scan-free path; use a validated CHECK (" + column + " IS NOT NULL) NOT VALID constraint instead of NOT NULL.");
    }

    private void addConstraint(StatementView s, QualifiedName table, ConstraintDefinition c, FindingSink out) {
        String t = Names.of(table);
        String n = c.name() == null ? "" : " " + Names.of(c.name());
        if (c.kind() == ConstraintKind.CHECK && !c.notValid()) {
            out.report(Rule.CONSTRAINT_MISSING_NOT_VALID, s, c.span(), "Adding CHECK constraint" + n + " to " + t
                            + " validates every row while holding an ACCESS EXCLUSIVE lock (reads and writes blocked).",
                    "ADD CONSTRAINT … CHECK (…) NOT VALID (instant), then VALIDATE CONSTRAINT in a later transaction (SHARE UPDATE EXCLUSIVE).");
        } else if (c.kind() == ConstraintKind.FOREIGN_KEY && !c.notValid()) {
            out.report(Rule.ADDING_FOREIGN_KEY_CONSTRAINT, s, c.span(), "Adding foreign key" + n + " to " + t
                            + " validates every row while holding SHARE ROW EXCLUSIVE locks on " + t + " and "
                            + Names.of(c.references()) + " (writes to both blocked).",
                    "ADD CONSTRAINT … FOREIGN KEY … NOT VALID, then VALIDATE CONSTRAINT in a later transaction.");
        } else if (c.kind() == ConstraintKind.UNIQUE && c.usingIndex() == null) {
            out.report(Rule.DISALLOWED_UNIQUE_CONSTRAINT, s, c.span(), "Adding UNIQUE constraint" + n + " to " + t
                            + " builds its index under an ACCESS EXCLUSIVE lock (reads and writes blocked for the whole build).",
                    "CREATE UNIQUE INDEX CONCURRENTLY, check it is valid, then ADD CONSTRAINT … UNIQUE USING INDEX.");
        } else if (c.kind() == ConstraintKind.PRIMARY_KEY && c.usingIndex() == null) {
            out.report(Rule.ADDING_PRIMARY_KEY_CONSTRAINT, s, c.span(), "Adding PRIMARY KEY" + n + " to " + t
                            + " builds its index and checks NOT NULL under an ACCESS EXCLUSIVE lock.",
                    "make the columns NOT NULL safely, CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT … PRIMARY KEY USING INDEX.");
        } else if (c.kind() == ConstraintKind.EXCLUDE) {
            out.report(Rule.ADDING_EXCLUSION_CONSTRAINT, s, c.span(), "Adding EXCLUDE constraint" + n + " to " + t
                            + " builds an index and checks every row under an ACCESS EXCLUSIVE lock; it has no NOT VALID or USING INDEX form.",
                    "create a new table with the constraint and copy the data, or schedule a maintenance window.");
        } else if (c.kind() == ConstraintKind.NOT_NULL && !c.notValid()) {
            out.report(Rule.ADDING_NOT_NULLABLE_FIELD, s, c.span(), "Adding NOT NULL constraint" + n + " to " + t
                            + " scans the whole table under an ACCESS EXCLUSIVE lock.",
                    pg.atLeast(18) ? "ADD CONSTRAINT … NOT NULL … NOT VALID, then VALIDATE CONSTRAINT in a later transaction."
                            : "use a CHECK (col IS NOT NULL) NOT VALID constraint, VALIDATE it later, then SET NOT NULL.");
        }
    }

    private static void validate(StatementView s, QualifiedName table, AlterAction.ValidateConstraint validate,
                                 MigrationState state, FindingSink out) {
        String name = validate.name();
        if (!s.inTransaction() || name == null) {
            return;
        }
        boolean sameTransaction = state.notValidConstraints.stream().anyMatch(a -> a.table().sameObjectAs(table)
                && name.equals(a.name()) && a.transactionId() == s.transactionId());
        if (sameTransaction) {
            out.report(Rule.VALIDATE_CONSTRAINT_IN_SAME_TRANSACTION, s, validate.span(), "VALIDATE CONSTRAINT " + Names.of(name) + " runs in the same transaction as its ADD … NOT VALID: the lock taken by the ADD on "
                            + Names.of(table) + " is held through the whole validation scan, which defeats NOT VALID.",
                    "move VALIDATE CONSTRAINT to a later migration (or to a file with -- atlas:txmode none).");
        }
    }

    private static void renameTable(StatementView s, QualifiedName table, AlterAction.RenameTable rename,
                                    MigrationState state, FindingSink out) {
        boolean compatibilityView = state.viewsInFile.stream().anyMatch(v -> v.sameObjectAs(table));
        if (compatibilityView) {
            return;
        }
        out.report(Rule.RENAMING_TABLE, s, rename.span(), "Renaming table " + Names.of(table) + " to " + Names.of(rename.to())
                        + " breaks every running client that uses the old name (ACCESS EXCLUSIVE lock).",
                "rename, then CREATE VIEW " + table + " AS SELECT * FROM the new name in the same migration (simple views are updatable), and drop the view once clients moved.");
    }
}
