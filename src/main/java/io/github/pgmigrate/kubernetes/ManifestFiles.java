package io.github.pgmigrate.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes the manifests as YAML files a reviewer can read: SQL in literal blocks, every scalar that looks like a
 * number quoted (a version such as 20240101 must stay a string), and a kustomization.yaml listing both.
 */
public final class ManifestFiles {
    public static final String CONFIG_MAP = "configmap.yaml";
    public static final String ATLAS_MIGRATION = "atlasmigration.yaml";
    public static final String KUSTOMIZATION = "kustomization.yaml";

    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .build());

    private ManifestFiles() {
    }

    /** Writes the three files into {@code directory} (created if needed); returns their paths. */
    public static List<Path> write(OperatorManifests manifests, Path directory) throws IOException {
        Files.createDirectories(directory);
        ObjectNode kustomization = JsonNodeFactory.instance.objectNode();
        kustomization.put("apiVersion", "kustomize.config.k8s.io/v1beta1");
        kustomization.put("kind", "Kustomization");
        kustomization.putArray("resources").add(CONFIG_MAP).add(ATLAS_MIGRATION);
        return List.of(
                writeYaml(manifests.configMap(), directory.resolve(CONFIG_MAP)),
                writeYaml(manifests.atlasMigration(), directory.resolve(ATLAS_MIGRATION)),
                writeYaml(kustomization, directory.resolve(KUSTOMIZATION)));
    }

    /** Reads one written file back, as Kubernetes' YAML parser would see it. */
    public static JsonNode read(Path file) throws IOException {
        return YAML.readTree(file.toFile());
    }

    private static Path writeYaml(JsonNode node, Path target) throws IOException {
        Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            YAML.writeValue(temporary.toFile(), node);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return target;
    }
}
