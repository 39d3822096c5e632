package io.github.pgmigrate.config;

/**
 * What is known about a connection pooler between the plugin and PostgreSQL.
 *
 * @param transactionPooling whether the pooler hands out a backend per transaction (PgBouncer transaction mode,
 *                           Supavisor on port 6543), where session state such as advisory locks and SET is unsafe
 * @param reason             what in the URL says so, for the warning; null when nothing does
 */
public record PoolerMode(boolean transactionPooling, String reason) {
    public static final PoolerMode NONE = new PoolerMode(false, null);
}
