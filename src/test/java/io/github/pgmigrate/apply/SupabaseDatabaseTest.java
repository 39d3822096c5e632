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
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A simulated fresh Supabase project (managed schemas, reserved roles, grants, event triggers; connected as the
 * non-superuser {@code postgres}), migrated the ways a Supabase user would.
 */
class SupabaseDatabaseTest {

    @TempDir
    Path dir;

    private static Environment environment(SupabaseDatabase db, String url) {
        return new Environment("supabase", url, db.user(), db.password(), null, null, null, Map.of(), true);
    }

    private static String one(SupabaseDatabase db, String query) throws Exception {
        try (Connection connection = db.connectAsAdmin(); ResultSet rs = connection.createStatement()
                .executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private MigrationDirectory appMigrations() {
        return MigrationDirs.write(dir,
                "20250101000000_profiles.sql", "CREATE TABLE public.profiles (id uuid PRIMARY KEY"
                        + " REFERENCES auth.users (id), name text, token uuid DEFAULT uuid_generate_v4());\n"
                        + "ALTER TABLE public.profiles ENABLE ROW LEVEL SECURITY;\n",
                "20250102000000_profile_index.sql", "-- atlas:txmode none\n\nCREATE INDEX CONCURRENTLY profiles_name"
                        + " ON public.profiles (name);\n");
    }

    @Test
    void theManagedSchemasAndRolesAreNamedWhenTheDatabaseIsNotClean() throws Exception {
        SupabaseDatabase db = SupabaseFixture.createDatabase();
        assertThatThrownBy(() -> new Applier(ApplyTestSupport.connector(environment(db, db.jdbcUrl())),
                new RecordingOutput()).apply(appMigrations(), ApplyOptions.defaults()))
                .isInstanceOfSatisfying(PgMigrateException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("connected database is not clean: found schema \"auth\"."
                            + " baseline version or allow-dirty is required");
                    assertThat(e.hint()).startsWith("This is a Supabase database: auth, extensions,")
                            .contains("storage").contains("realtime").contains("authenticator")
                            .contains("supabase_admin").contains("currentSchema=public,extensions");
                });
    }

    @Test
    void aUrlBoundToPublicMigratesNextToTheManagedSchemas() throws Exception {
        SupabaseDatabase db = SupabaseFixture.createDatabase();
        String separator = db.jdbcUrl().contains("?") ? "&" : "?";
        // Bound to public alone, unqualified extension functions are out of reach, as on Supabase.
        assertThatThrownBy(() -> new Applier(ApplyTestSupport.connector(environment(db,
                db.jdbcUrl() + separator + "currentSchema=public")), new RecordingOutput())
                .apply(appMigrations(), ApplyOptions.defaults()))
                .isInstanceOfSatisfying(MigrationFailedException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("42883");
                    assertThat(e.hint()).contains("currentSchema=public,extensions");
                });
        new Applier(ApplyTestSupport.connector(environment(db,
                db.jdbcUrl() + separator + "currentSchema=public,extensions")), new RecordingOutput())
                .apply(appMigrations(), ApplyOptions.defaults());
        assertThat(one(db, "SELECT count(*) FROM public.atlas_schema_revisions")).isEqualTo("2");
        assertThat(one(db, "SELECT relrowsecurity FROM pg_class WHERE oid = 'public.profiles'::regclass"))
                .isEqualTo("t");
        assertThat(one(db, "SELECT has_table_privilege('anon', 'public.profiles', 'SELECT')"))
                .as("Supabase's default privileges apply to what the migrations create").isEqualTo("t");
    }

    @Test
    void allowDirtyMigratesAndAManagedObjectFailsWithAHint() throws Exception {
        SupabaseDatabase db = SupabaseFixture.createDatabase();
        ApplyOptions dirty = ApplyOptions.builder().allowDirty(true).build();
        new Applier(ApplyTestSupport.connector(environment(db, db.jdbcUrl())), new RecordingOutput())
                .apply(appMigrations(), dirty);
        assertThat(one(db, "SELECT string_agg(version, ',' ORDER BY version) FROM"
                + " atlas_schema_revisions.atlas_schema_revisions")).isEqualTo("20250101000000,20250102000000");

        MigrationDirs.write(dir, "20250103000000_auth_column.sql", "ALTER TABLE auth.users ADD COLUMN nickname text;\n");
        assertThatThrownBy(() -> new Applier(ApplyTestSupport.connector(environment(db, db.jdbcUrl())),
                new RecordingOutput()).apply(MigrationDirectory.load(dir), dirty))
                .isInstanceOfSatisfying(MigrationFailedException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("42501");
                    assertThat(e.getMessage()).contains("must be owner of table users");
                    assertThat(e.hint()).contains("Supabase manages");
                });
    }
}
