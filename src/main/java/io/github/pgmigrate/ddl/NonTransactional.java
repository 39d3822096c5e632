package io.github.pgmigrate.ddl;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The one answer to "may this statement run inside a transaction block?" ("… cannot run inside a transaction block"),
 * for apply (which refuses such a file before anything runs) and lint (which reports it). Decided over recognized
 * tokens, never raw text, so strings and comments cannot fool it.
 */
public final class NonTransactional {
    /** PostgreSQL 12 allowed ALTER TYPE … ADD VALUE in a transaction block. */
    public static final int ADD_VALUE_IN_TRANSACTION_SINCE = 12;

    private static final Set<String> WHOLE_OBJECT_REINDEX = Set.of("schema", "database", "system");

    private NonTransactional() {
    }

    /**
     * The command as an error names it (e.g. {@code CREATE INDEX CONCURRENTLY}), or empty when the statement may run
     * in a transaction block on PostgreSQL {@code serverMajor}.
     */
    public static Optional<String> command(String sql, int serverMajor) {
        return command(DdlRecognizer.recognize(sql), serverMajor);
    }

    /** As {@link #command(String, int)}, for a statement already recognized. */
    public static Optional<String> command(Ddl ddl, int serverMajor) {
        return Optional.ofNullable(describe(ddl, serverMajor));
    }

    private static String describe(Ddl ddl, int serverMajor) {
        if (ddl instanceof Ddl.CreateIndex index && index.concurrently()) {
            return "CREATE INDEX CONCURRENTLY";
        }
        if (ddl instanceof Ddl.Drop drop) {
            if (drop.kind() == ObjectKind.INDEX && drop.concurrently()) {
                return "DROP INDEX CONCURRENTLY";
            }
            return drop.kind() == ObjectKind.DATABASE ? "DROP DATABASE" : null;
        }
        if (ddl instanceof Ddl.Reindex reindex) {
            if (reindex.concurrently()) {
                return "REINDEX CONCURRENTLY";
            }
            return WHOLE_OBJECT_REINDEX.contains(reindex.target())
                    ? "REINDEX " + reindex.target().toUpperCase(Locale.ROOT) : null;
        }
        if (ddl instanceof Ddl.AlterTable alter && alter.actions().stream()
                .anyMatch(a -> a instanceof AlterAction.DetachPartition d && d.concurrently())) {
            return "DETACH PARTITION CONCURRENTLY";
        }
        if (ddl instanceof Ddl.AddEnumValue && serverMajor < ADD_VALUE_IN_TRANSACTION_SINCE) {
            return "ALTER TYPE … ADD VALUE (on PostgreSQL before 12)";
        }
        if (ddl instanceof Ddl.Vacuum) {
            return "VACUUM";
        }
        if (ddl instanceof Ddl.Cluster cluster && cluster.table() == null) {
            return "CLUSTER without a table";
        }
        if (ddl instanceof Ddl.Other other) {
            return other.nonTransactional();
        }
        return null;
    }
}
