package io.github.pgmigrate.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgmigrate.schema.model.SchemaModel;
import io.github.pgmigrate.schema.render.SqlRenderer;
import io.github.pgmigrate.testing.TestDatabase;
import io.github.pgmigrate.testing.TestDatabases;
import org.junit.jupiter.api.Test;

/** Render → run on an empty database → inspect: the same model. */
class SqlRendererTest {

    @Test
    void everyKindSurvivesRenderAndReplay() {
        TestDatabase source = TestDatabases.createDatabase();
        SchemaFixtures.run(source, "schema/every-kind.sql");
        SchemaModel original = SchemaFixtures.model(source);
        String script = SqlRenderer.render(original);

        TestDatabase copy = TestDatabases.createDatabase();
        SchemaFixtures.execute(copy, script);
        SchemaModel replayed = SchemaFixtures.model(copy);

        assertThat(replayed).as(script).isEqualTo(original);
        assertThat(SqlRenderer.render(replayed)).isEqualTo(script);
    }
}
