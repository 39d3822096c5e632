package io.github.pgmigrate.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.history.ExecOrder;
import io.github.pgmigrate.checksum.SumFile;
import io.github.pgmigrate.checksum.SumWriter;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.directory.MigrationFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperatorManifestsTest {
    /**
     * The fields of AtlasMigration's spec in the operator's CRD (db.atlasgo.io/v1alpha1), as listed in
     * docs/guides/kubernetes.md. A generated resource that used any other field would be rejected by the API server.
     */
    private static final Set<String> SPEC_FIELDS = Set.of("url", "urlFrom", "credentials", "envName", "cloud", "dir",
            "devURL", "devURLFrom", "devDB", "revisionsSchema", "baseline", "execOrder", "protectedFlows",
            "backoffLimit", "config", "configFrom", "vars");
    private static final Set<String> EXEC_ORDERS = Set.of("linear", "linear-skip", "non-linear");

    @TempDir
    Path temp;

    private final Map<String, String> awkwardFiles = new LinkedHashMap<>(Map.of(
            "20240101000000_init.sql", "  -- leading blanks on the first line\nCREATE TABLE t (id int);   \n\tSELECT 1;",
            "20240102000000_crlf.sql", "CREATE TABLE u (id int);\r\nCOMMENT ON TABLE u IS 'a: b # c';\r\n",
            "20240103000000_markers.sql", "---\nSELECT '...';\n...\nSELECT 'ünïcödé ✓';\n\n\n",
            "20240104000000_dollar.sql", "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;\n"));

    @Test
    void configMapCarriesEveryFileByteForByteAndTheSumStillMatches() throws Exception {
        MigrationDirectory directory = directoryWith(awkwardFiles);
        Path out = temp.resolve("k8s");

        ManifestFiles.write(OperatorManifests.build(directory, delivery("20240102000000")), out);

        JsonNode data = ManifestFiles.read(out.resolve(ManifestFiles.CONFIG_MAP)).get("data");
        List<MigrationFile> rebuilt = new ArrayList<>();
        for (Iterator<String> names = data.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            byte[] bytes = data.get(name).textValue().getBytes(StandardCharsets.UTF_8);
            if (name.equals(MigrationDirectory.SUM_FILE)) {
                assertThat(bytes).isEqualTo(directory.sum().orElseThrow());
            } else {
                assertThat(bytes).as(name).isEqualTo(awkwardFiles.get(name).getBytes(StandardCharsets.UTF_8));
                rebuilt.add(MigrationFile.of(name, bytes));
            }
        }
        assertThat(rebuilt).hasSize(awkwardFiles.size());
        assertThat(SumFile.compute(new MigrationDirectory(null, rebuilt, null).files()).format())
                .isEqualTo(directory.sum().orElseThrow());
    }

    @Test
    void atlasMigrationUsesOnlyTheOperatorsFieldsAndReferencesTheSecret() throws Exception {
        MigrationDirectory directory = directoryWith(awkwardFiles);
        Path out = temp.resolve("k8s");

        ManifestFiles.write(OperatorManifests.build(directory, delivery("20240102000000")), out);

        JsonNode resource = ManifestFiles.read(out.resolve(ManifestFiles.ATLAS_MIGRATION));
        assertThat(resource.get("apiVersion").textValue()).isEqualTo("db.atlasgo.io/v1alpha1");
        assertThat(resource.get("kind").textValue()).isEqualTo("AtlasMigration");
        assertThat(resource.at("/metadata/name").textValue()).isEqualTo("shop");
        assertThat(resource.at("/metadata/namespace").textValue()).isEqualTo("prod");
        JsonNode spec = resource.get("spec");
        spec.fieldNames().forEachRemaining(field -> assertThat(SPEC_FIELDS).contains(field));
        assertThat(spec.at("/urlFrom/secretKeyRef/name").textValue()).isEqualTo("shop-db");
        assertThat(spec.at("/urlFrom/secretKeyRef/key").textValue()).isEqualTo("url");
        assertThat(spec.at("/dir/configMapRef/name").textValue()).isEqualTo("shop-migrations");
        assertThat(spec.get("baseline").isTextual()).as("a version stays a string").isTrue();
        assertThat(spec.get("baseline").textValue()).isEqualTo("20240102000000");
        assertThat(spec.get("revisionsSchema").textValue()).isEqualTo("atlas_schema_revisions");
        assertThat(EXEC_ORDERS).contains(spec.get("execOrder").textValue());
        assertThat(spec.has("url")).as("never the URL itself").isFalse();

        JsonNode configMap = ManifestFiles.read(out.resolve(ManifestFiles.CONFIG_MAP));
        assertThat(configMap.at("/metadata/name").textValue()).isEqualTo("shop-migrations");
        assertThat(configMap.at("/metadata/namespace").textValue()).isEqualTo("prod");
        JsonNode kustomization = ManifestFiles.read(out.resolve(ManifestFiles.KUSTOMIZATION));
        assertThat(kustomization.get("resources").toString()).contains(ManifestFiles.CONFIG_MAP, ManifestFiles.ATLAS_MIGRATION);
    }

    @Test
    void sqlIsWrittenAsReadableLiteralBlocks() throws Exception {
        MigrationDirectory directory = directoryWith(Map.of("20240101000000_init.sql",
                "CREATE TABLE t (\n  id int\n);\n"));
        Path out = temp.resolve("k8s");

        ManifestFiles.write(OperatorManifests.build(directory, delivery(null)), out);

        assertThat(Files.readString(out.resolve(ManifestFiles.CONFIG_MAP))).contains("    CREATE TABLE t (\n      id int\n");
    }

    @Test
    void aDirectoryOverTheConfigMapLimitIsRefusedWithTheLargestFilesNamed() throws Exception {
        MigrationDirectory directory = directoryWith(Map.of(
                "20240101000000_seed.sql", "SELECT '" + "x".repeat(ConfigMapBudget.API_SERVER_LIMIT) + "';\n",
                "20240102000000_small.sql", "SELECT 1;\n"));

        assertThatThrownBy(() -> OperatorManifests.build(directory, delivery(null)))
                .isInstanceOf(PgMigrateException.class)
                .hasMessageContaining("more than the 1048576 bytes Kubernetes allows in one ConfigMap (shop-migrations)")
                .hasMessageContaining("20240101000000_seed.sql (")
                .satisfies(e -> assertThat(((PgMigrateException) e).hint()).contains("baseline"));
    }

    @Test
    void aDirectoryOverTheAnnotationLimitNeedsServerSideApply() throws Exception {
        MigrationDirectory large = directoryWith(Map.of("20240101000000_seed.sql",
                "SELECT '" + "x".repeat(ConfigMapBudget.CLIENT_SIDE_APPLY_LIMIT) + "';\n"));
        MigrationDirectory small = directoryWith(Map.of("20240101000000_init.sql", "SELECT 1;\n"));

        assertThat(OperatorManifests.build(large, delivery(null)).needsServerSideApply()).isTrue();
        assertThat(OperatorManifests.build(small, delivery(null)).needsServerSideApply()).isFalse();
    }

    @Test
    void anInvalidDirectoryIsRefusedAndNothingIsWritten() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("unhashed"));
        Files.writeString(dir.resolve("20240101000000_init.sql"), "CREATE TABLE t (id int);\n");
        Path out = temp.resolve("k8s");

        assertThatThrownBy(() -> ManifestFiles.write(OperatorManifests.build(MigrationDirectory.load(dir), delivery(null)), out))
                .isInstanceOf(PgMigrateException.class)
                .hasMessageContaining("no manifest was written")
                .hasMessageContaining("atlas.sum");
        assertThat(out).doesNotExist();
    }

    @Test
    void namesKubernetesWouldRejectAreRefusedBeforeAnythingIsWritten() {
        assertThatThrownBy(() -> SecretKeyReference.of("urlSecret", "Shop_DB", "url"))
                .hasMessageContaining("urlSecret 'Shop_DB' is not a valid Kubernetes object name");
        assertThatThrownBy(() -> SecretKeyReference.of("urlSecret", "shop-db", "a/b"))
                .hasMessageContaining("urlSecretKey 'a/b' is not a valid key");
        assertThatThrownBy(() -> OperatorManifests.build(directoryWith(Map.of("20240101000000_a.sql", "SELECT 1;\n")),
                new OperatorDelivery("-shop", null, new SecretKeyReference("s", "url"), null, null, null, ExecOrder.LINEAR)))
                .hasMessageContaining("resourceName '-shop'");
    }

    private OperatorDelivery delivery(String baseline) throws PgMigrateException {
        return new OperatorDelivery("shop", "prod", SecretKeyReference.of("urlSecret", "shop-db", "url"), null,
                "atlas_schema_revisions", baseline, ExecOrder.LINEAR_SKIP);
    }

    private MigrationDirectory directoryWith(Map<String, String> files) throws Exception {
        Path dir = Files.createTempDirectory(temp, "migrations");
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.write(dir.resolve(file.getKey()), file.getValue().getBytes(StandardCharsets.UTF_8));
        }
        SumWriter.write(MigrationDirectory.load(dir));
        return MigrationDirectory.load(dir);
    }
}
