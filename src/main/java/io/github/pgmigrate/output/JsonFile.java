package io.github.pgmigrate.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Machine-readable results (target/pgmigrate/status.json, apply.json): indented JSON, written atomically. */
public final class JsonFile {
    private static final JsonFactory STREAMING = new JsonFactory();

    /** Held apart so that goals writing with {@link JsonWriter} never pay for data binding's start-up. */
    private static final class Binding {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** Writes one JSON document with Jackson's streaming generator. */
    @FunctionalInterface
    public interface JsonWriter {
        void write(JsonGenerator json) throws IOException;
    }

    private JsonFile() {
    }

    public static ObjectMapper mapper() {
        return Binding.MAPPER;
    }

    /** The JSON as text, for printing. */
    public static String render(JsonNode json) {
        try {
            return Binding.MAPPER.writeValueAsString(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes next to the target and moves it into place, so a reader never sees half a file. */
    public static void write(Path file, JsonNode json) throws IOException {
        write(file, generator -> Binding.MAPPER.writeTree(generator, json));
    }

    /** Like {@link #write(Path, JsonNode)}, the document written by {@code writer}, indented. */
    public static void write(Path file, JsonWriter writer) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
        try (OutputStream out = Files.newOutputStream(temporary);
             JsonGenerator generator = generator(out)) {
            writer.write(generator);
        } catch (IOException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** An indented streaming generator over {@code out}, which it closes when it is closed. */
    public static JsonGenerator generator(OutputStream out) throws IOException {
        JsonGenerator generator = STREAMING.createGenerator(out);
        generator.useDefaultPrettyPrinter();
        return generator;
    }
}
