package io.github.pgmigrate.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.config.Environment;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.testing.MigrationDirs;
import io.github.pgmigrate.testing.RecordingOutput;
import io.github.pgmigrate.testing.SupabaseDatabase;
import io.github.pgmigrate.testing.SupabaseFixture;
import io.github.pgmigrate.testing.TestDatabase;
import io.github.pgmigrate.testing.TestDatabases;
import io.github.pgmigrate.testing.TestPgBouncer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.Driver;

/**
 * The statement rows of the Supabase error table, each produced for real (on the simulated Supabase project, or
 * through a real PgBouncer in transaction mode) and checked for the message that names cause and fix.
 */
class SupabaseErrorTableTest {

    @TempDir
    Path dir;

    private static Environment environment(SupabaseDatabase db) {
        return new Environment("supabase", db.jdbcUrl(), db.user(), db.password(), null, null, null, Map.of(), true);
    }

    private MigrationDirectory profiles() {
        return MigrationDirs.write(dir, "20250101000000_profiles.sql",
                "CREATE TABLE public.profiles (id uuid PRIMARY KEY, name text);\n",
                "20250102000000_notes.sql", "CREATE TABLE public.notes (id bigint PRIMARY KEY);\n");
    }

    @Test
    void relationAlreadyExistsOnTheFirstApplyNamesSetAndBaselineWithTheVersion() throws Exception {
        SupabaseDatabase db = SupabaseFixture.createDatabase();
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE public.profiles (id uuid PRIMARY KEY, name text)");
        }
        assertThatThrownBy(() -> new Applier(ApplyTestSupport.connector(environment(db)), new RecordingOutput())
                .apply(profiles(), ApplyOptions.builder().allowDirty(true).build()))
                .isInstanceOfSatisfying(MigrationFailedException.class, e -> {
                    assertThat(e.getMessage()).contains("relation \"profiles\" already exists (SQLSTATE 42P07)");
                    assertThat(e.hint()).contains("mvn pgmigrate:set -Dpgmigrate.toVersion=20250101000000")
                            .contains("-Dpgmigrate.baseline=20250101000000").contains("mvn pgmigrate:pull");
                });
    }

    @Test
    void foundSchemaAuthOnADatabaseTheSupabaseCliMigratedOffersTheImport() throws Exception {
        SupabaseDatabase db = SupabaseFixture.createDatabase();
        db.pushedBySupabaseCli("'20250101000000', 'profiles', NULL");
        assertThatThrownBy(() -> new Applier(ApplyTestSupport.connector(environment(db)), new RecordingOutput())
                .apply(profiles(), ApplyOptions.defaults()))
                .isInstanceOfSatisfying(PgMigrateException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("connected database is not clean: found schema \"auth\"."
                            + " baseline version or allow-dirty is required");
                    assertThat(e.hint()).startsWith("The Supabase CLI migrated this database (1 versions in"
                            + " supabase_migrations.schema_migrations): adopt its history with mvn pgmigrate:set"
                            + " -Dpgmigrate.importHistory=supabase").contains("-Dpgmigrate.allowDirty=true");
                });
    }

    @Test
    void permissionDeniedForTheAuthSchemaSaysToKeepObjectsInPublic() throws Exception {
        SupabaseDatabase db = SupabaseFixture.createDatabase();
        MigrationDirectory migrations = MigrationDirs.write(dir, "20250101000000_role_fn.sql",
                "CREATE FUNCTION auth.user_role() RETURNS text LANGUAGE sql AS $$ SELECT 'x' $$;\n");
        assertThatThrownBy(() -> new Applier(ApplyTestSupport.connector(environment(db)), new RecordingOutput())
                .apply(migrations, ApplyOptions.builder().allowDirty(true).build()))
                .isInstanceOfSatisfying(MigrationFailedException.class, e -> {
                    assertThat(e.getMessage()).contains("permission denied for schema auth (SQLSTATE 42501)");
                    assertThat(e.hint()).contains("a schema Supabase manages")
                            .contains("Keep your objects in public or your own schema");
                });
    }

    @Test
    void preparedStatementS1ThroughARealTransactionPoolerPointsAtThePoolerParameter() throws Exception {
        TestDatabase database = TestDatabases.createDatabase();
        String role = "errtable_" + database.name();
        try (Connection admin = database.connect(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'pw-" + role + "'");
            statement.execute("GRANT ALL ON DATABASE " + database.name() + " TO " + role);
        }
        TestPgBouncer bouncer = TestPgBouncer.instance();
        bouncer.allow(role, "pw-" + role);
        Properties properties = new Properties();
        properties.setProperty("user", role);
        properties.setProperty("password", "pw-" + role);
        properties.setProperty("prepareThreshold", "1");
        SQLException clash = null;
        try (Connection a = new Driver().connect(bouncer.jdbcUrl(database.name()), properties);
             Connection b = new Driver().connect(bouncer.jdbcUrl(database.name()), properties)) {
            for (int i = 0; i < 20 && clash == null; i++) {
                try {
                    query(a, "SELECT " + i % 2);
                    b.setAutoCommit(false);
                    query(b, "SELECT 1");
                    query(a, "SELECT " + (i + 1) % 2);
                    b.commit();
                    b.setAutoCommit(true);
                } catch (SQLException e) {
                    clash = e;
                }
            }
        }
        assertThat((Object) clash).as("a named prepared statement clash through PgBouncer").isNotNull();
        assertThat(clash.getMessage()).containsPattern("prepared statement \"S_\\d+\"");
        assertThat(ErrorHints.forStatement(clash.getSQLState(), clash.getMessage(), true))
                .contains("transaction pooler").contains("-Dpgmigrate.pooler=transaction")
                .contains("session port (5432)");
    }

    private static void query(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.executeQuery().close();
        }
    }
}
