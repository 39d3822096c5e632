package io.github.pgmigrate.kubernetes;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.directory.MigrationFile;
import io.github.pgmigrate.validate.DirectoryValidator;
import io.github.pgmigrate.validate.ValidationReport;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The two objects the Atlas Operator needs to run a migration directory: a ConfigMap whose keys are the directory's
 * file names (every migration file and atlas.sum, byte for byte: the operator rebuilds the directory from them and
 * Atlas checks atlas.sum) and an {@code AtlasMigration} resource that points at it and reads the target URL from a
 * Secret.
 */
public record OperatorManifests(ObjectNode configMap, ObjectNode atlasMigration, boolean needsServerSideApply) {
    static final String API_VERSION = "db.atlasgo.io/v1alpha1";
    static final String KIND = "AtlasMigration";

    /** Validates the directory as {@code pgmigrate:validate} does, then builds both objects. Nothing is written. */
    public static OperatorManifests build(MigrationDirectory directory, OperatorDelivery delivery)
            throws PgMigrateException {
        KubernetesNames.objectName("resourceName", delivery.resourceName());
        KubernetesNames.objectName("configMapName", delivery.configMapName());
        if (delivery.namespace() != null) {
            KubernetesNames.objectName("namespace", delivery.namespace());
        }
        requireValid(directory);
        Map<String, byte[]> files = filesOf(directory);
        ConfigMapBudget.check(delivery.configMapName(), files);
        return new OperatorManifests(configMap(delivery, files), atlasMigration(delivery),
                ConfigMapBudget.needsServerSideApply(files));
    }

    private static void requireValid(MigrationDirectory directory) throws PgMigrateException {
        ValidationReport report = DirectoryValidator.validate(directory, false);
        String shown = directory.path().toString();
        if (report.hasErrors()) {
            throw new PgMigrateException("the migration directory is not valid, no manifest was written:\n"
                    + report.errors().stream().map(p -> p.format(shown)).collect(Collectors.joining("\n")),
                    "the operator would refuse the same directory; fix it first (mvn pgmigrate:validate)");
        }
    }

    private static Map<String, byte[]> filesOf(MigrationDirectory directory) throws PgMigrateException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (MigrationFile file : directory.files()) {
            if (!KubernetesNames.isDataKey(file.name())) {
                throw new PgMigrateException("the file name '" + file.name()
                        + "' cannot be a ConfigMap key (only letters, digits, '-', '_' and '.' are allowed)",
                        "rename the file (mvn pgmigrate:hash afterwards) before delivering the directory to Kubernetes");
            }
            files.put(file.name(), file.content());
        }
        files.put(MigrationDirectory.SUM_FILE, directory.sum().orElseThrow());
        return files;
    }

    private static ObjectNode configMap(OperatorDelivery delivery, Map<String, byte[]> files) {
        ObjectNode map = JsonNodeFactory.instance.objectNode();
        map.put("apiVersion", "v1");
        map.put("kind", "ConfigMap");
        map.set("metadata", metadata(delivery.configMapName(), delivery));
        ObjectNode data = map.putObject("data");
        files.forEach((name, bytes) -> data.put(name, new String(bytes, StandardCharsets.UTF_8)));
        return map;
    }

    private static ObjectNode atlasMigration(OperatorDelivery delivery) {
        ObjectNode resource = JsonNodeFactory.instance.objectNode();
        resource.put("apiVersion", API_VERSION);
        resource.put("kind", KIND);
        resource.set("metadata", metadata(delivery.resourceName(), delivery));
        ObjectNode spec = resource.putObject("spec");
        spec.putObject("urlFrom").set("secretKeyRef", secretKeyRef(delivery.urlSecret()));
        if (delivery.devUrlSecret() != null) {
            spec.putObject("devURLFrom").set("secretKeyRef", secretKeyRef(delivery.devUrlSecret()));
        }
        spec.putObject("dir").putObject("configMapRef").put("name", delivery.configMapName());
        if (delivery.revisionsSchema() != null) {
            spec.put("revisionsSchema", delivery.revisionsSchema());
        }
        if (delivery.baseline() != null) {
            spec.put("baseline", delivery.baseline());
        }
        spec.put("execOrder", delivery.execOrder().id());
        return resource;
    }

    private static ObjectNode metadata(String name, OperatorDelivery delivery) {
        ObjectNode metadata = JsonNodeFactory.instance.objectNode();
        metadata.put("name", name);
        if (delivery.namespace() != null) {
            metadata.put("namespace", delivery.namespace());
        }
        metadata.putObject("labels").put("app.kubernetes.io/managed-by", "pgmigrate");
        return metadata;
    }

    private static ObjectNode secretKeyRef(SecretKeyReference reference) {
        ObjectNode ref = JsonNodeFactory.instance.objectNode();
        ref.put("name", reference.name());
        ref.put("key", reference.key());
        return ref;
    }
}
