package io.github.pgmigrate.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgmigrate.schema.inspect.InspectScope;
import io.github.pgmigrate.schema.inspect.Inspection;
import io.github.pgmigrate.schema.inspect.SchemaInspector;
import io.github.pgmigrate.schema.model.Namespace;
import io.github.pgmigrate.schema.model.SchemaModel;
import io.github.pgmigrate.schema.model.Table;
import io.github.pgmigrate.testing.Sql;
import io.github.pgmigrate.testing.SupabaseDatabase;
import io.github.pgmigrate.testing.SupabaseFixture;
import io.github.pgmigrate.testing.TestDatabase;
import io.github.pgmigrate.testing.TestDatabases;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

class InspectorScopeTest {

    /** Tables with a key, an index, a foreign key, a check, a comment and a grant; a view and a function per ten. */
    private static TestDatabase withTables(int count) {
        TestDatabase db = TestDatabases.createDatabase();
        SchemaFixtures.execute(db, "DO $$ BEGIN FOR i IN 1.." + count + " LOOP"
                + " EXECUTE format('CREATE TABLE t%s (id bigint PRIMARY KEY, parent bigint REFERENCES t%s,"
                + "   name text CHECK (name <> ''''), at timestamptz DEFAULT now())', i, greatest(i - 1, 1));"
                + " EXECUTE format('CREATE INDEX t%s_name ON t%s (name)', i, i);"
                + " EXECUTE format('COMMENT ON TABLE t%s IS ''table %s''', i, i);"
                + " EXECUTE format('GRANT SELECT ON t%s TO PUBLIC', i);"
                + " IF i % 10 = 0 THEN"
                + "   EXECUTE format('CREATE VIEW v%s AS SELECT id, name FROM t%s', i, i);"
                + "   EXECUTE format('CREATE FUNCTION f%s(x int) RETURNS int LANGUAGE sql AS ''SELECT x''', i);"
                + " END IF; END LOOP; END $$");
        return db;
    }

    private static int queriesToInspect(TestDatabase db, int expectedTables) throws Exception {
        try (Connection c = db.connect()) {
            CountingConnection counting = new CountingConnection(c);
            Inspection inspection = SchemaInspector.inspect(counting.connection(), InspectScope.everything());
            assertThat(inspection.model().tables()).hasSize(expectedTables);
            return counting.executed();
        }
    }

    @Test
    void inspectingAThousandTablesCostsAsManyQueriesAsTen() throws Exception {
        int ten = queriesToInspect(withTables(10), 10);
        int thousand = queriesToInspect(withTables(1000), 1000);
        assertThat(thousand).isEqualTo(ten).isLessThanOrEqualTo(20);
    }

    @Test
    void schemasIncludedExcludedAndHistoryTablesLeftOut() {
        TestDatabase db = TestDatabases.createDatabase();
        SchemaFixtures.execute(db, "CREATE SCHEMA a; CREATE SCHEMA b; CREATE TABLE a.t (x int); CREATE TABLE b.t (x int);"
                + " CREATE SCHEMA atlas_schema_revisions; CREATE TABLE atlas_schema_revisions.atlas_schema_revisions (v text);"
                + " CREATE TABLE public.flyway_schema_history (v text); CREATE TABLE public.databasechangelog (v text);"
                + " CREATE TABLE public.kept (v text);");

        assertThat(names(SchemaFixtures.model(db))).containsExactly("a", "b", "public");
        assertThat(SchemaFixtures.model(db).tables()).extracting(t -> t.name().toString())
                .containsExactly("a.t", "b.t", "public.kept");
        SchemaModel onlyA = SchemaFixtures.inspect(db, InspectScope.of("a")).model();
        assertThat(names(onlyA)).containsExactly("a");
        assertThat(onlyA.tables()).extracting(Table::name).extracting(n -> n.schema()).containsExactly("a");
        SchemaModel withoutB = SchemaFixtures.inspect(db, new InspectScope(List.of(), List.of("b"), null)).model();
        assertThat(names(withoutB)).containsExactly("a", "public");
    }

    @Test
    void objectsOfExtensionsAreLeftOutAndTheExtensionListed() {
        TestDatabase db = TestDatabases.createDatabase();
        SchemaFixtures.execute(db, "CREATE EXTENSION pg_trgm; CREATE EXTENSION citext;"
                + " CREATE TABLE t (c citext);");
        SchemaModel model = SchemaFixtures.model(db);
        assertThat(model.routines()).isEmpty();
        assertThat(model.extensions()).extracting(e -> e.name()).containsExactly("citext", "pg_trgm");
        assertThat(model.tables().get(0).columns().get(0).type()).isEqualTo("public.citext");
        assertThat(model.dependencies()).isEmpty();
    }

    @Test
    void supabaseManagedSchemasAreLeftOutByDefaultAndNamed() throws Exception {
        SupabaseDatabase db = SupabaseFixture.createDatabase();
        try (Connection c = db.connect()) {
            c.createStatement().execute("CREATE TABLE public.profiles (id uuid PRIMARY KEY"
                    + " REFERENCES auth.users (id), name text)");
            Inspection inspection = SchemaInspector.inspect(c, InspectScope.everything());
            assertThat(inspection.managedSchemasExcluded()).contains("auth", "storage", "realtime", "extensions",
                    "graphql_public", "vault");
            assertThat(names(inspection.model())).containsExactly("public");
            assertThat(inspection.model().tables()).extracting(t -> t.name().toString())
                    .containsExactly("public.profiles");

            Inspection auth = SchemaInspector.inspect(c, InspectScope.of("auth"));
            assertThat(auth.managedSchemasExcluded()).isEmpty();
            assertThat(auth.model().tables()).extracting(t -> t.name().name()).contains("users", "identities");
        }
    }

    @Test
    void aRoleWithOnlyConnectAndUsageCanInspectAndNothingIsWritten() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        SchemaFixtures.run(db, "schema/every-kind.sql");
        String role = "r_" + db.name();
        SchemaFixtures.execute(db, "CREATE ROLE " + role + " LOGIN PASSWORD 'pw'; GRANT CONNECT ON DATABASE "
                + db.name() + " TO " + role + "; GRANT USAGE ON SCHEMA app TO " + role);
        List<String> before = Sql.catalogSnapshot(db);
        SchemaModel asOwner = SchemaFixtures.model(db);
        try (Connection c = java.sql.DriverManager.getConnection(db.jdbcUrl(), role, "pw")) {
            SchemaModel asReader = SchemaInspector.inspect(c, InspectScope.everything()).model();
            assertThat(asReader.tables()).isEqualTo(asOwner.tables());
            assertThat(asReader.routines()).isEqualTo(asOwner.routines());
        }
        assertThat(Sql.catalogSnapshot(db)).isEqualTo(before);
    }

    private static List<String> names(SchemaModel model) {
        return model.schemas().stream().map(Namespace::name).toList();
    }
}
