package io.github.pgmigrate.schema.diff;

/**
 * One statement of a plan.
 *
 * @param sql           the statement, without a trailing semicolon
 * @param transactional false for statements that must run outside a transaction block (CREATE INDEX CONCURRENTLY,
 *                      enum ADD VALUE) or in a transaction of their own after the previous ones committed (VALIDATE
 *                      CONSTRAINT after ADD … NOT VALID)
 */
public record Step(String sql, boolean transactional) {

    static Step tx(String sql) {
        return new Step(sql, true);
    }

    static Step noTx(String sql) {
        return new Step(sql, false);
    }
}
