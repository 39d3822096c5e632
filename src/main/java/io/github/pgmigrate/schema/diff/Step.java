package io.github.pgmigrate.schema.diff;

/**
 * One statement of a plan.
 *
 * @param sql           the statement, without a trailing semicolon
 * @param transactional false for statements that cannot run inside a transaction block (CREATE INDEX CONCURRENTLY,
 *                      enum ADD VALUE before its use)
 * @param afterCommit   true when the statement must not share a transaction with the ones before it (VALIDATE
 *                      CONSTRAINT after ADD … NOT VALID: validating in the same transaction would hold the lock)
 * @param risk          why this statement loses data or blocks although it is the only way to the desired schema
 *                      (a hazard, a table rewrite), else null; migration files mark such statements for the linter
 */
public record Step(String sql, boolean transactional, boolean afterCommit, String risk) {

    static Step tx(String sql) {
        return new Step(sql, true, false, null);
    }

    static Step noTx(String sql) {
        return new Step(sql, false, false, null);
    }

    static Step risky(String sql, String risk) {
        return new Step(sql, true, false, risk);
    }

    Step startingNewTransaction() {
        return new Step(sql, transactional, true, risk);
    }
}
