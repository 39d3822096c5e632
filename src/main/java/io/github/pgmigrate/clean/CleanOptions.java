package io.github.pgmigrate.clean;

import java.time.Duration;
import java.util.List;

/**
 * What clean drops.
 *
 * @param schemas        the schemas to empty; empty: the schema the URL binds to, else every user schema (less
 *                       Supabase's managed ones)
 * @param excludeSchemas schemas to leave alone
 * @param dropExtensions also drop the extensions installed into those schemas (kept by default: other schemas'
 *                       objects may use them)
 * @param dryRun         list what would be dropped and change nothing
 * @param lockTimeout    how long to wait for another run's migration lock
 */
public record CleanOptions(List<String> schemas, List<String> excludeSchemas, boolean dropExtensions, boolean dryRun,
                           Duration lockTimeout) {
    public CleanOptions {
        schemas = List.copyOf(schemas);
        excludeSchemas = List.copyOf(excludeSchemas);
    }
}
