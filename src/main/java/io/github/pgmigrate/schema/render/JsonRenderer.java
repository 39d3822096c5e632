package io.github.pgmigrate.schema.render;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.pgmigrate.schema.inspect.Inspection;

/**
 * An inspection as JSON: the model's record components are the field names (documented in docs/goals/inspect.md),
 * absent values are left out, and {@code managedSchemasExcluded} says which platform schemas were not read.
 */
public final class JsonRenderer {
    private static final ObjectMapper JSON = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private JsonRenderer() {
    }

    public static String render(Inspection inspection) {
        try {
            return JSON.writeValueAsString(inspection) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the schema model cannot be written as JSON: " + e.getMessage(), e);
        }
    }
}
