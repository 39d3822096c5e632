package io.github.pgmigrate.schema.render;

import io.github.pgmigrate.config.ConfigurationException;
import io.github.pgmigrate.schema.inspect.Inspection;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The forms {@code inspect} writes a schema in. */
public enum SchemaFormat {
    SQL, JSON, MERMAID, DOT;

    public static SchemaFormat parse(String value) throws ConfigurationException {
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("format", value, "is not one of sql, json, mermaid, dot",
                    "use one of " + Arrays.stream(values()).map(f -> f.name().toLowerCase(Locale.ROOT))
                            .collect(Collectors.joining(", ")));
        }
    }

    public String render(Inspection inspection) {
        return switch (this) {
            case SQL -> SqlRenderer.render(inspection.model());
            case JSON -> JsonRenderer.render(inspection);
            case MERMAID -> MermaidRenderer.render(inspection.model());
            case DOT -> DotRenderer.render(inspection.model());
        };
    }
}
