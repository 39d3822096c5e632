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
}
