package io.github.pgmigrate.config;

import java.util.Locale;

/**
 * What is known about a connection pooler between the plugin and PostgreSQL: configured with {@code pooler}, or
 * guessed from the URL (Supabase's port 6543, Prisma's {@code pgbouncer=true}).
 *
 * @param kind   the pool mode
 * @param reason what says so, for the one message that tells the user; null when nothing does
 */
public record PoolerMode(Kind kind, String reason) {
    public static final PoolerMode NONE = new PoolerMode(Kind.NONE, null);

    /** How the pooler hands out server connections. */
    public enum Kind {
        /** A backend per transaction (PgBouncer transaction mode, Supavisor on 6543): session state is unsafe. */
        TRANSACTION,
        /** A backend per client connection: behaves like a direct connection. */
        SESSION,
        /** No pooler. */
        NONE
    }

    /**
     * Whether the pooler hands out a backend per transaction, where session state such as advisory locks, SET and
     * named prepared statements is unsafe.
     */
    public boolean transactionPooling() {
        return kind == Kind.TRANSACTION;
    }

    /** The configured {@code pooler} value ({@code transaction}, {@code session} or {@code none}). */
    public static PoolerMode configured(String value) throws ConfigurationException {
        String normalized = value.strip().toLowerCase(Locale.ROOT);
        return switch (normalized) {
            case "transaction" -> new PoolerMode(Kind.TRANSACTION, "pooler=transaction is configured");
            case "session" -> new PoolerMode(Kind.SESSION, "pooler=session is configured");
            case "none" -> NONE;
            default -> throw new ConfigurationException("pooler", value, "is not one of transaction, session, none",
                    "use transaction (PgBouncer pool_mode=transaction, Supavisor port 6543), session (a pooler"
                            + " in session mode, Supavisor port 5432) or none (a direct connection); leave it unset"
                            + " to guess from the URL");
        };
    }
}
