package io.github.pgmigrate.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pgmigrate.schema.inspect.InspectScope;
import io.github.pgmigrate.schema.inspect.Inspection;
import io.github.pgmigrate.schema.render.DotRenderer;
import io.github.pgmigrate.schema.render.JsonRenderer;
import io.github.pgmigrate.schema.render.MermaidRenderer;
import io.github.pgmigrate.testing.TestDatabase;
import io.github.pgmigrate.testing.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class FormatRendererTest {
    private static Inspection inspection;

    @BeforeAll
    static void inspect() {
        TestDatabase db = TestDatabases.createDatabase();
        SchemaFixtures.run(db, "schema/every-kind.sql");
        inspection = SchemaFixtures.inspect(db, InspectScope.everything());
    }

    @Test
    void mermaidHasTablesColumnsKeysAndForeignKeyRelations() {
        String mermaid = MermaidRenderer.render(inspection.model());
        assertThat(mermaid).startsWith("erDiagram\n");
        assertThat(mermaid).contains("    app__customers[\"app.customers\"] {\n        bigint id PK\n"
                + "        app_email email UK\n        character_varying(120) name\n");
        assertThat(mermaid).contains("        bigint customer_id FK\n");
        assertThat(mermaid).contains("    app__orders }o--|| app__customers : \"orders_customer_fk\"\n");
        assertThat(mermaid).contains("        bigint id PK\n        date at PK\n");
    }

    @Test
    void dotHasOneNodePerTableAndAnEdgePerForeignKey() {
        String dot = DotRenderer.render(inspection.model());
        assertThat(dot).startsWith("digraph schema {\n");
        assertThat(dot).contains("\"app.customers\" [label=<<table");
        assertThat(dot).contains("<td port=\"c0\" align=\"left\"><u>id</u> bigint NOT NULL</td>");
        assertThat(dot).contains("\"app.orders\":c1 -> \"app.customers\":c0 [label=\"orders_customer_fk\"];");
        assertThat(dot).contains("tstzrange").doesNotContain("&&");
    }

    @Test
    void jsonUsesTheModelsFieldNames() throws Exception {
        JsonNode json = new ObjectMapper().readTree(JsonRenderer.render(inspection));
        JsonNode customers = null;
        for (JsonNode table : json.get("model").get("tables")) {
            if (table.get("name").get("name").asText().equals("customers")) {
                customers = table;
            }
        }
        assertThat(customers).isNotNull();
        assertThat(customers.get("name").get("schema").asText()).isEqualTo("app");
        assertThat(customers.get("columns").get(0).get("identity").asText()).isEqualTo("ALWAYS");
        assertThat(customers.get("constraints").get(0).get("kind").asText()).isEqualTo("UNIQUE");
        assertThat(customers.get("columns").get(0).has("defaultExpression")).isFalse();
        assertThat(json.get("managedSchemasExcluded").isArray()).isTrue();
        assertThat(json.get("model").get("enums").get(0).get("labels").toString())
                .isEqualTo("[\"sad\",\"ok\",\"happy\"]");
    }
}
