package io.github.pgmigrate.schema.inspect;

import io.github.pgmigrate.schema.model.SchemaModel;
import java.util.List;

/**
 * What an inspection found.
 *
 * @param managedSchemasExcluded platform-managed schemas (Supabase's auth, storage, …) left out by default; name them
 *                               in {@code schemas} to read them
 */
public record Inspection(SchemaModel model, List<String> managedSchemasExcluded) {
}
