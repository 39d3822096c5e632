package io.github.pgmigrate.history;

import java.util.List;

/**
 * One row of the Supabase CLI's history.
 *
 * @param version    the file's version (its name up to the first {@code _})
 * @param name       the rest of the file name without {@code .sql}; empty when the column is missing or NULL
 * @param statements the statements as they ran; empty when the column is missing or NULL
 */
public record SupabaseMigration(String version, String name, List<String> statements) {
    public SupabaseMigration {
        name = name == null ? "" : name;
        statements = statements == null ? List.of() : List.copyOf(statements);
    }
}
