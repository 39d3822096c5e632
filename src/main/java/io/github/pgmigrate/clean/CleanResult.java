package io.github.pgmigrate.clean;

import java.util.List;

/**
 * What clean dropped (or, in a dry run, would drop).
 *
 * @param schemas          the schemas in scope
 * @param statements       the DROP statements, in the order they ran
 * @param kept             what stayed on purpose, each with why
 * @param managedExcluded  platform-managed schemas (Supabase's auth, storage, …) left alone
 * @param dryRun           nothing was run
 */
public record CleanResult(List<String> schemas, List<String> statements, List<String> kept,
                          List<String> managedExcluded, boolean dryRun) {
    public CleanResult {
        schemas = List.copyOf(schemas);
        statements = List.copyOf(statements);
        kept = List.copyOf(kept);
        managedExcluded = List.copyOf(managedExcluded);
    }
}
