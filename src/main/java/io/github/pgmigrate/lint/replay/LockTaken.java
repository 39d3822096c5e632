package io.github.pgmigrate.lint.replay;

import java.util.List;

/**
 * A table-level lock a statement held when it finished, as {@code pg_locks} shows it.
 *
 * @param relation the table, schema-qualified
 * @param mode     PostgreSQL's name of the mode, e.g. {@code AccessExclusiveLock}
 */
public record LockTaken(String relation, String mode) {
    /** Modes that conflict with ROW EXCLUSIVE, the lock INSERT, UPDATE and DELETE take. */
    private static final List<String> BLOCKING_WRITES = List.of("ShareLock", "ShareRowExclusiveLock",
            "ExclusiveLock", "AccessExclusiveLock");

    public boolean accessExclusive() {
        return mode.equals("AccessExclusiveLock");
    }

    public boolean blocksWrites() {
        return BLOCKING_WRITES.contains(mode);
    }

    /** The mode as the documentation writes it: {@code ACCESS EXCLUSIVE}, {@code SHARE ROW EXCLUSIVE}. */
    public String modeName() {
        String words = mode.replace("Lock", "").replaceAll("([a-z])([A-Z])", "$1 $2");
        return words.toUpperCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return modeName() + " on " + relation;
    }
}
