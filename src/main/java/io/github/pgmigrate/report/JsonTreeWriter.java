package io.github.pgmigrate.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

/**
 * Writes a JSON tree, indented, straight through a streaming generator. An {@code ObjectMapper} would do the same
 * but costs a lint run in a fresh JVM about as much CPU again as the writing itself to set up (docs/benchmarks-lint.md).
 */
final class JsonTreeWriter {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonTreeWriter() {
    }

    static void write(JsonNode tree, OutputStream out) throws IOException {
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            write(tree, json);
        }
    }

    private static void write(JsonNode node, JsonGenerator json) throws IOException {
        if (node.isObject()) {
            json.writeStartObject();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                json.writeFieldName(field.getKey());
                write(field.getValue(), json);
            }
            json.writeEndObject();
        } else if (node.isArray()) {
            json.writeStartArray();
            for (JsonNode element : node) {
                write(element, json);
            }
            json.writeEndArray();
        } else if (node.isTextual()) {
            json.writeString(node.textValue());
        } else if (node.isIntegralNumber()) {
            json.writeNumber(node.bigIntegerValue());
        } else if (node.isNumber()) {
            json.writeNumber(node.decimalValue());
        } else if (node.isBoolean()) {
            json.writeBoolean(node.booleanValue());
        } else {
            json.writeNull();
        }
    }
}
