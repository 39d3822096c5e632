package io.github.pgmigrate.schema.inspect;

import java.util.List;

/**
 * Which schemas an inspection reads.
 *
 * @param schemas         the schemas to read; empty for every user schema
 * @param excludeSchemas  schemas to leave out
 * @param revisionsSchema the schema of pgmigrate's revisions table when configured, else null (the default
 *                        {@code atlas_schema_revisions} schema is always left out)
 */
public record InspectScope(List<String> schemas, List<String> excludeSchemas, String revisionsSchema) {

    public InspectScope {
        schemas = List.copyOf(schemas);
        excludeSchemas = List.copyOf(excludeSchemas);
    }

    public static InspectScope everything() {
        return new InspectScope(List.of(), List.of(), null);
    }

    public static InspectScope of(String... schemas) {
        return new InspectScope(List.of(schemas), List.of(), null);
    }
}
