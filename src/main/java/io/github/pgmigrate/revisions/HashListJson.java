package io.github.pgmigrate.revisions;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code partial_hashes} column's JSON (an array of strings, or null) read and written with Jackson's streaming
 * core: every database goal reads the revisions table, and the data-binding layer would cost each of them its start-up.
 */
final class HashListJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private HashListJson() {
    }

    /** @return the strings, or null for the JSON value null */
    static List<String> parse(String json) throws IOException {
        try (JsonParser parser = FACTORY.createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.VALUE_NULL) {
                return null;
            }
            if (first != JsonToken.START_ARRAY) {
                throw new IOException("not an array");
            }
            List<String> values = new ArrayList<>();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token != JsonToken.VALUE_STRING) {
                    throw new IOException("an element is not a string");
                }
                values.add(parser.getText());
            }
            if (parser.nextToken() != null) {
                throw new IOException("text after the array");
            }
            return values;
        }
    }

    /** The list as JSON; null as the JSON value null. */
    static String write(List<String> values) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            if (values == null) {
                generator.writeNull();
            } else {
                generator.writeStartArray();
                for (String value : values) {
                    generator.writeString(value);
                }
                generator.writeEndArray();
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing JSON to a string", e);
        }
        return out.toString();
    }
}
