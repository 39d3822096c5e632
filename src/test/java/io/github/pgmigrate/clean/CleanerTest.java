package io.github.pgmigrate.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.apply.Applier;
import io.github.pgmigrate.apply.ApplyOptions;
import io.github.pgmigrate.config.ConnectionSettings;
import io.github.pgmigrate.config.Environment;
import io.github.pgmigrate.database.DatabaseConnector;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.schema.SchemaFixtures;
import io.github.pgmigrate.testing.MigrationDirs;
import io.github.pgmigrate.testing.PgDump;
import io.github.pgmigrate.testing.RecordingOutput;
import io.github.pgmigrate.testing.Sql;
import io.github.pgmigrate.testing.SupabaseDatabase;
import io.github.pgmigrate.testing.SupabaseFixture;
import io.github.pgmigrate.testing.TestDatabase;
import io.github.pgmigrate.testing.TestDatabases;
import io.github.pgmigrate.testing.TestServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** clean against real databases, with pg_dump as the oracle for "nothing of ours is left". */
class CleanerTest {
    private static final CleanOptions EVERYTHING = new CleanOptions(List.of(), List.of(), true, false,
            Duration.ofSeconds(10));

    @TempDir
    Path dir;

    private static DatabaseConnector connector(Environment environment) throws Exception {
        return DatabaseConnector.of(ConnectionSettings.of(environment));
    }

    private MigrationDirectory migrations() {
        return MigrationDirs.write(dir, "20250101000000_users.sql",
                "CREATE TABLE users (id bigserial PRIMARY KEY, email text UNIQUE);\n"
                        + "CREATE SCHEMA billing;\n"
                        + "CREATE TABLE billing.invoices (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                        + " user_id bigint REFERENCES users (id));\n"
                        + "CREATE VIEW billing.totals AS SELECT user_id, count(*) FROM billing.invoices GROUP BY 1;\n");
    }

    @Test
    void aCleanedDatabaseIsWhatPgDumpSeesAsAFreshOne() throws Exception {
        TestServer server = TestDatabases.embeddedServer(PgDump.MAJOR);
        TestDatabase db = TestDatabases.createDatabase(server);
        SchemaFixtures.run(db, "schema/every-kind.sql");
        new Applier(connector(db.environment()), new RecordingOutput()).apply(migrations(),
                ApplyOptions.builder().allowDirty(true).build());
        String fresh = PgDump.schema(server, TestDatabases.createDatabase(server).name());
        assertThat(PgDump.schema(server, db.name())).isNotEqualTo(fresh);

        CleanResult result = new Cleaner(connector(db.environment()), new RecordingOutput()).clean(EVERYTHING);

        assertThat(result.schemas()).contains("app", "billing", "public");
        assertThat(result.statements()).contains("DROP SCHEMA atlas_schema_revisions");
        assertThat(PgDump.schema(server, db.name()).lines()).containsExactlyElementsOf(fresh.lines().toList());
    }

    @Test
    void cleanThenApplyStartsOverAndExtensionsStayUnlessAsked() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        SchemaFixtures.execute(db, "CREATE EXTENSION pgcrypto WITH SCHEMA public");
        new Applier(connector(db.environment()), new RecordingOutput()).apply(migrations(),
                ApplyOptions.builder().allowDirty(true).build());
        RecordingOutput out = new RecordingOutput();

        CleanResult result = new Cleaner(connector(db.environment()), out).clean(new CleanOptions(List.of(),
                List.of(), false, false, Duration.ofSeconds(10)));

        assertThat(result.kept()).anyMatch(k -> k.startsWith("extension pgcrypto in schema public"));
        assertThat(Sql.one(db, "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname IN ('public', 'billing', 'atlas_schema_revisions')")).isEqualTo("0");
        assertThat(Sql.one(db, "SELECT count(*) FROM pg_extension WHERE extname = 'pgcrypto'")).isEqualTo("1");
        new Applier(connector(db.environment()), new RecordingOutput()).apply(migrations(), ApplyOptions.defaults());
        assertThat(Sql.one(db, "SELECT count(*) FROM atlas_schema_revisions.atlas_schema_revisions")).isEqualTo("1");
    }

    @Test
    void supabaseCliHistoryIsEmptiedWithTheSchemaSoBothToolsSeeAFreshDatabase() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        ApplyOptions both = ApplyOptions.builder().history(io.github.pgmigrate.history.HistoryTarget.BOTH).build();
        new Applier(connector(db.environment()), new RecordingOutput()).apply(migrations(), both);
        assertThat(Sql.one(db, "SELECT count(*) FROM supabase_migrations.schema_migrations")).isEqualTo("1");

        new Cleaner(connector(db.environment()), new RecordingOutput()).clean(new CleanOptions(List.of(), List.of(),
                false, false, Duration.ofSeconds(10)));

        assertThat(Sql.one(db, "SELECT count(*) FROM supabase_migrations.schema_migrations")).isEqualTo("0");
        new Applier(connector(db.environment()), new RecordingOutput()).apply(migrations(), both);
        assertThat(Sql.one(db, "SELECT count(*) FROM supabase_migrations.schema_migrations")).isEqualTo("1");
        assertThat(Sql.one(db, "SELECT count(*) FROM atlas_schema_revisions.atlas_schema_revisions")).isEqualTo("1");
    }

    @Test
    void aDryRunListsTheDropsAndChangesNothing() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        new Applier(connector(db.environment()), new RecordingOutput()).apply(migrations(), ApplyOptions.defaults());
        RecordingOutput out = new RecordingOutput();

        CleanResult result = new Cleaner(connector(db.environment()), out).clean(new CleanOptions(List.of(),
                List.of(), false, true, Duration.ofSeconds(10)));

        assertThat(result.statements()).contains("DROP TABLE public.users", "DROP SCHEMA billing",
                "DROP TABLE \"atlas_schema_revisions\".\"atlas_schema_revisions\"");
        assertThat(out.text()).contains("[dry run]   DROP TABLE public.users").contains("nothing was dropped");
        assertThat(Sql.one(db, "SELECT count(*) FROM public.users")).isEqualTo("0");
        assertThat(Sql.one(db, "SELECT count(*) FROM atlas_schema_revisions.atlas_schema_revisions")).isEqualTo("1");
    }

    @Test
    void anObjectOutsideTheScopeThatDependsOnOneInsideStopsTheWholeClean() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        new Applier(connector(db.environment()), new RecordingOutput()).apply(migrations(), ApplyOptions.defaults());
        SchemaFixtures.execute(db, "CREATE SCHEMA reporting; CREATE VIEW reporting.emails AS SELECT email FROM"
                + " public.users");

        assertThatThrownBy(() -> new Cleaner(connector(db.environment()), new RecordingOutput())
                .clean(new CleanOptions(List.of("public", "billing"), List.of(), false, false, Duration.ofSeconds(10))))
                .isInstanceOfSatisfying(PgMigrateException.class, e -> {
                    assertThat(e.getMessage()).contains("clean stopped at DROP TABLE public.users")
                            .contains("nothing was dropped");
                    assertThat(e.hint()).contains("depends on it");
                });
        assertThat(Sql.one(db, "SELECT count(*) FROM billing.invoices")).isEqualTo("0");
        assertThat(Sql.one(db, "SELECT count(*) FROM atlas_schema_revisions.atlas_schema_revisions")).isEqualTo("1");
    }

    @Test
    void theManagedSchemasOfASupabaseDatabaseAreLeftAsTheyWere() throws Exception {
        SupabaseDatabase db = SupabaseFixture.createDatabase();
        Environment environment = new Environment("supabase", db.jdbcUrl(), db.user(), db.password(), null, "public",
                null, Map.of(), true);
        MigrationDirectory app = MigrationDirs.write(dir, "20250101000000_profiles.sql",
                "CREATE TABLE public.profiles (id uuid PRIMARY KEY REFERENCES auth.users (id), name text);\n"
                        + "CREATE SCHEMA app;\nCREATE TABLE app.notes (id int PRIMARY KEY);\n");
        new Applier(connector(environment), new RecordingOutput()).apply(app,
                ApplyOptions.builder().allowDirty(true).build());
        try (Connection admin = db.connectAsAdmin()) {
            admin.createStatement().execute("INSERT INTO auth.users (id) VALUES (gen_random_uuid())");
        }
        List<String> before = managedRowCounts(db);

        CleanResult result = new Cleaner(connector(environment), new RecordingOutput()).clean(EVERYTHING);

        assertThat(result.managedExcluded()).contains("auth", "storage", "extensions");
        assertThat(result.schemas()).containsExactlyInAnyOrder("app", "public");
        assertThat(managedRowCounts(db)).containsExactlyElementsOf(before);
        assertThat(one(db, "SELECT count(*) FROM auth.users")).isEqualTo("1");
        assertThat(one(db, "SELECT count(*) FROM pg_class WHERE relname IN ('profiles', 'notes',"
                + " 'atlas_schema_revisions')")).isEqualTo("0");
    }

    /** Every table of Supabase's managed schemas with its row count, and the number of relations per schema. */
    private static List<String> managedRowCounts(SupabaseDatabase db) throws Exception {
        List<String> counts = new ArrayList<>();
        try (Connection admin = db.connectAsAdmin()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = admin.createStatement().executeQuery("SELECT format('%I.%I', n.nspname, c.relname)"
                    + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p')"
                    + " AND n.nspname IN ('auth', 'storage', 'realtime', 'extensions', 'vault', 'graphql',"
                    + " 'supabase_functions', 'net') ORDER BY 1")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = admin.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    counts.add(table + "=" + rs.getLong(1));
                }
            }
            try (ResultSet rs = admin.createStatement().executeQuery("SELECT n.nspname || ':' || count(c.oid)"
                    + " FROM pg_namespace n LEFT JOIN pg_class c ON c.relnamespace = n.oid GROUP BY n.nspname"
                    + " HAVING n.nspname NOT IN ('public', 'app')"
                    + " AND n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema' ORDER BY 1")) {
                while (rs.next()) {
                    counts.add(rs.getString(1));
                }
            }
        }
        assertThat(counts).anyMatch(c -> c.startsWith("auth.users="));
        return counts;
    }


    private static String one(SupabaseDatabase db, String query) throws Exception {
        try (Connection connection = db.connectAsAdmin();
             ResultSet rs = connection.createStatement().executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
