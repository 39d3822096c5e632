package io.github.pgmigrate.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Validates the SARIF output against the official SARIF 2.1.0 JSON schema (src/test/resources/sarif). */
class SarifReportTest {
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws Exception {
        try (InputStream in = SarifReportTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
    }

    @Test
    void sarifIsValidAgainstTheSchema() throws Exception {
        JsonNode sarif = sarif(ToolInfo.pgmigrate("1.2.3"));
        Set<ValidationMessage> problems = schema.validate(sarif);
        assertThat(problems).isEmpty();

        JsonNode run = sarif.get("runs").get(0);
        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
        assertThat(run.at("/tool/driver/name").asText()).isEqualTo("pgmigrate");
        JsonNode first = run.get("results").get(0);
        assertThat(first.get("ruleId").asText()).isEqualTo("require-concurrent-index-creation");
        assertThat(first.get("level").asText()).isEqualTo("error");
        assertThat(first.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo("src/main/migrations/2_index.sql");
        assertThat(first.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(3);
        assertThat(first.at("/locations/0/physicalLocation/region/endLine").asInt()).isEqualTo(3);
        assertThat(first.at("/locations/0/physicalLocation/region/endColumn").asInt()).isEqualTo(35);
        // The type finding's region is the type name alone.
        assertThat(run.get("results")).anySatisfy(r -> {
            assertThat(r.get("ruleId").asText()).isEqualTo("prefer-timestamptz");
            assertThat(r.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(4);
            assertThat(r.at("/locations/0/physicalLocation/region/startColumn").asInt()).isEqualTo(38);
            assertThat(r.at("/locations/0/physicalLocation/region/endColumn").asInt()).isEqualTo(47);
        });
        int index = first.get("ruleIndex").asInt();
        assertThat(run.at("/tool/driver/rules/" + index + "/id").asText()).isEqualTo("require-concurrent-index-creation");
        assertThat(run.get("results")).anySatisfy(r -> assertThat(r.get("level").asText()).isEqualTo("warning"));
    }

    @Test
    void publishedDocumentationBecomesHelpUris() throws Exception {
        ObjectNode sarif = sarif(new ToolInfo("pgmigrate", "1", "https://example.org/docs/lint"));
        assertThat(schema.validate(sarif)).isEmpty();
        assertThat(sarif.at("/runs/0/tool/driver/rules/0/helpUri").asText())
                .isEqualTo("https://example.org/docs/lint/require-concurrent-index-creation.md");
    }

    @Test
    void theSchemaRejectsABrokenLog() throws Exception {
        ObjectNode sarif = sarif(ToolInfo.pgmigrate("1"));
        ((ObjectNode) sarif.get("runs").get(0).get("results").get(0)).put("level", "fatal");
        sarif.remove("version");
        assertThat(schema.validate(sarif)).isNotEmpty();
    }

    private static ObjectNode sarif(ToolInfo tool) throws Exception {
        return (ObjectNode) new ObjectMapper().readTree(Sample.json(json -> SarifReport.write(Sample.result(), tool, json)));
    }

    @Test
    void fileNamesBecomeRelativeUriReferences() {
        assertThat(SarifReport.uri("migrations\\1 a%.sql")).isEqualTo("migrations/1%20a%25.sql");
    }
}
