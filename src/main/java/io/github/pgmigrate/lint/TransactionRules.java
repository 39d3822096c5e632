package io.github.pgmigrate.lint;

import io.github.pgmigrate.ddl.Ddl;
import io.github.pgmigrate.ddl.NonTransactional;
import io.github.pgmigrate.sql.Token;
import io.github.pgmigrate.sql.TokenKind;

/**
 * Transaction structure: statements that cannot run in a transaction block, nesting and stray transaction control,
 * uncommitted BEGIN, mixed non-transactional files, and enum values used before they are committed.
 */
final class TransactionRules implements RuleGroup {
    private final PgVersion pg;
    private final boolean wrapped;
    private StatementView firstNonTransactional;
    private boolean ordinaryStatements;

    TransactionRules(PgVersion pg, boolean wrapped) {
        this.pg = pg;
        this.wrapped = wrapped;
    }

    @Override
    public void check(StatementView s, MigrationState state, FindingSink out) {
        Ddl ddl = s.ddl();
        // ADD VALUE has its own rule, which knows PostgreSQL's exception for a type created in the same transaction.
        String nonTransactional = ddl instanceof Ddl.AddEnumValue ? null
                : NonTransactional.command(ddl, pg.major()).orElse(null);
        if (nonTransactional != null) {
            if (s.inTransaction()) {
                out.report(Rule.NON_TRANSACTIONAL_STATEMENT_IN_TRANSACTION, s, nonTransactional
                                + " cannot run inside a transaction block: " + (wrapped ? "this file runs in one transaction (txmode file)," : "it sits between BEGIN and COMMIT,")
                                + " so the migration fails with \"cannot run inside a transaction block\".",
                        wrapped ? "put it in its own migration file that starts with -- atlas:txmode none followed by a blank line."
                                : "move it outside the BEGIN … COMMIT block.");
            }
            if (firstNonTransactional == null) {
                firstNonTransactional = s;
            }
        } else if (isOrdinary(ddl)) {
            ordinaryStatements = true;
        }
        if (ddl instanceof Ddl.AddEnumValue add) {
            addEnumValue(s, add, state, out);
        } else if (s.inTransaction() && !(ddl instanceof Ddl.Other other && other.words().startsWith("comment"))) {
            usesUncommittedEnumValue(s, state, out);
        }
    }

    private static boolean isOrdinary(Ddl ddl) {
        return !(ddl instanceof Ddl.SetParameter || ddl instanceof Ddl.Begin || ddl instanceof Ddl.Commit
                || ddl instanceof Ddl.Rollback || (ddl instanceof Ddl.Other other
                && (other.words().startsWith("reset") || other.words().startsWith("select") || other.words().startsWith("analyze"))));
    }

    private void addEnumValue(StatementView s, Ddl.AddEnumValue add, MigrationState state, FindingSink out) {
        if (!s.inTransaction() || pg.atLeast(12)) {
            return;
        }
        if (state.transactionOfType(add.type()) == s.transactionId()) {
            return;
        }
        out.report(Rule.ENUM_ADD_VALUE_IN_TRANSACTION, FindingSeverity.ERROR, s, "ALTER TYPE " + Names.of(add.type())
                        + " ADD VALUE cannot run inside a transaction block on PostgreSQL " + pg + ", so the migration fails.",
                "put it in its own migration file with -- atlas:txmode none (PostgreSQL 12+ allows it in a transaction).");
    }

    private void usesUncommittedEnumValue(StatementView s, MigrationState state, FindingSink out) {
        for (MigrationState.EnumValue added : state.addedEnumValues) {
            if (added.transactionId() != s.transactionId()) {
                continue;
            }
            for (Token t : s.tokens()) {
                if (t.kind() == TokenKind.STRING && t.value().equals(added.label())) {
                    out.report(Rule.ENUM_ADD_VALUE_IN_TRANSACTION, FindingSeverity.WARNING, s, "Enum value '" + added.label()
                                    + "' of " + Names.of(added.type()) + " is used in the transaction that added it; PostgreSQL refuses that with \"unsafe use of new value\".",
                            "add the value in an earlier migration (or a -- atlas:txmode none file) and use it afterwards.");
                    return;
                }
            }
        }
    }

    /** The mixed-file finding of a file that runs without a transaction. */
    @Override
    public void finish(FindingSink out) {
        if (!wrapped && firstNonTransactional != null && ordinaryStatements) {
            out.report(Rule.MIXED_TRANSACTIONAL_AND_NON_TRANSACTIONAL, firstNonTransactional,
                    "This file runs without a transaction because of " + NonTransactional.command(firstNonTransactional.ddl(), pg.major()).orElseThrow()
                            + ", and it also changes other things: if a statement fails, the earlier ones stay applied.",
                    "keep non-transactional statements in their own migration file, and the other changes in a normal (transactional) file.");
        }
    }
}
