package io.github.pgmigrate.apply;

import java.util.Set;

/**
 * Schemas a hosting platform creates and owns, which make a database look "not clean" to Atlas's first-run check.
 * The Supabase list is the Supabase CLI's own list of internal schemas (see docs/goals/apply.md).
 */
public final class ManagedSchemas {
    private static final Set<String> SUPABASE = Set.of(
            "_analytics", "_realtime", "_supavisor", "auth", "etl", "extensions", "pgbouncer", "realtime",
            "storage", "supabase_functions", "supabase_migrations", "cron", "dbdev", "graphql", "graphql_public",
            "net", "pgmq", "pgsodium", "pgsodium_masks", "pgtle", "repack", "tiger", "tiger_data", "topology",
            "vault", "supabase_subscription_mgmt");

    /** Cluster roles Supabase reserves (the Supabase CLI's list); their presence identifies a Supabase database. */
    private static final Set<String> SUPABASE_ROLES = Set.of("anon", "authenticated", "authenticator",
            "dashboard_user", "pgbouncer", "service_role", "pgsodium_keyholder", "pgsodium_keyiduser",
            "pgsodium_keymaker", "pgtle_admin");

    private ManagedSchemas() {
    }

    public static boolean isSupabaseRole(String role) {
        return SUPABASE_ROLES.contains(role) || role.startsWith("supabase_") || role.startsWith("cli_login_");
    }

    public static boolean isSupabase(String schema) {
        return SUPABASE.contains(schema) || schema.startsWith("timescaledb_") || schema.startsWith("_timescaledb_");
    }
}
