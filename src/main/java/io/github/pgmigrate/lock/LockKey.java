package io.github.pgmigrate.lock;

import java.nio.charset.StandardCharsets;

/**
 * Advisory lock keys as Atlas computes them: FNV-1 (not FNV-1a) 32-bit of the lock name, as an unsigned value. Using
 * Atlas's key for {@code atlas_migrate_execute} makes pgmigrate and Atlas exclude each other.
 */
public final class LockKey {
    public static final String APPLY_LOCK_NAME = "atlas_migrate_execute";
    private static final int OFFSET_BASIS = 0x811c9dc5;
    private static final int PRIME = 0x01000193;

    private LockKey() {
    }

    public static long of(String name) {
        int hash = OFFSET_BASIS;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            hash *= PRIME;
            hash ^= (b & 0xff);
        }
        return Integer.toUnsignedLong(hash);
    }

    /** The key of the apply lock: 2686470616. */
    public static long apply() {
        return of(APPLY_LOCK_NAME);
    }

    /**
     * The first half of a tenant's two-part key ({@code pg_advisory_lock(int, int)}, a key space apart from Atlas's
     * single bigint keys, so no tenant can collide with Atlas's lock).
     */
    public static final int TENANT_CLASS = (int) of("pgmigrate_tenant");

    /** The apply lock of a whole database, or of one tenant schema of it. */
    public static Scope applyScope(String tenantSchema) {
        return tenantSchema == null ? Scope.database(apply()) : new Scope(apply(), (int) of(tenantSchema), tenantSchema);
    }

    /**
     * What a run locks. A whole-database run holds {@code databaseKey} exclusively, as Atlas does. A tenant run holds
     * it shared, plus its own key exclusively: tenants of one database migrate side by side, while a whole-database
     * run (or Atlas) and a tenant run exclude each other. Two tenants whose names hash alike merely wait for each
     * other.
     *
     * @param tenantKey null for a whole-database lock
     * @param tenant    the tenant schema's name, for messages; null for a whole-database lock
     */
    public record Scope(long databaseKey, Integer tenantKey, String tenant) {
        public static Scope database(long key) {
            return new Scope(key, null, null);
        }

        String describe() {
            return tenant == null ? "database" : "tenant schema " + tenant;
        }
    }
}
