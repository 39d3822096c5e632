package io.github.pgmigrate.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgmigrate.schema.diff.DiffOptions;
import io.github.pgmigrate.schema.diff.Plan;
import io.github.pgmigrate.schema.diff.SchemaDiffer;
import io.github.pgmigrate.schema.render.SqlRenderer;
import io.github.pgmigrate.testing.PgDump;
import io.github.pgmigrate.testing.TestDatabase;
import io.github.pgmigrate.testing.TestDatabases;
import io.github.pgmigrate.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * The renderer and the differ checked against an oracle pgmigrate did not write: {@code pg_dump --schema-only} of
 * the source and of the copy are the same text (on PostgreSQL 15, the newest the machine's pg_dump reads).
 */
class PgDumpOracleTest {
    private final TestServer server = TestDatabases.embeddedServer(PgDump.MAJOR);

    @Test
    void renderedScriptBuildsWhatPgDumpSeesAsTheSameSchema() {
        TestDatabase source = TestDatabases.createDatabase(server);
        SchemaFixtures.run(source, "schema/every-kind.sql");
        TestDatabase copy = TestDatabases.createDatabase(server);
        SchemaFixtures.execute(copy, SqlRenderer.render(SchemaFixtures.model(source)));

        assertThat(PgDump.schema(server, copy.name()).lines())
                .containsExactlyElementsOf(PgDump.schema(server, source.name()).lines().toList());
    }

    @Test
    void planAppliedToAnOlderSchemaGivesWhatPgDumpSeesAsTheDesiredSchema() {
        TestDatabase desired = TestDatabases.createDatabase(server);
        SchemaFixtures.run(desired, "schema/every-kind.sql");
        TestDatabase current = TestDatabases.createDatabase(server);
        SchemaFixtures.execute(current, "CREATE SCHEMA app; CREATE TYPE app.mood AS ENUM ('ok');"
                + " CREATE TABLE app.customers (id bigint PRIMARY KEY, legacy int);"
                + " CREATE VIEW app.happy_names AS SELECT legacy FROM app.customers;"
                + " CREATE TABLE app.obsolete (x int);");

        Plan plan = SchemaDiffer.diff(SchemaFixtures.model(current), SchemaFixtures.model(desired),
                DiffOptions.DEFAULT);
        for (var step : plan.steps()) {
            SchemaFixtures.execute(current, step.sql());
        }

        assertThat(PgDump.schema(server, current.name()).lines()).as(plan.sql())
                .containsExactlyElementsOf(PgDump.schema(server, desired.name()).lines().toList());
    }
}
