package io.github.pgmigrate.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pgmigrate.config.Environment;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.testing.MigrationDirs;
import io.github.pgmigrate.testing.RecordingOutput;
import io.github.pgmigrate.testing.SupabaseDatabase;
import io.github.pgmigrate.testing.SupabaseFixture;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On the simulated Supabase project, the revisions table in {@code public} is not readable or writable by the Data
 * API's roles, whatever Supabase's default privileges and a later blanket GRANT say; and the policy hint on
 * storage.objects says what is true.
 */
class SupabaseRevisionsPrivacyTest {

    @TempDir
    Path dir;

    private static Applier applier(SupabaseDatabase db) {
        String separator = db.jdbcUrl().contains("?") ? "&" : "?";
        return new Applier(ApplyTestSupport.connector(new Environment("supabase", db.jdbcUrl() + separator
                + "currentSchema=public,extensions", db.user(), db.password(), null, null, null, Map.of(), true)),
                new RecordingOutput());
    }

    private static String one(SupabaseDatabase db, String query) throws Exception {
        try (Connection connection = db.connectAsAdmin(); ResultSet rs = connection.createStatement()
                .executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void theHistoryInPublicIsHiddenFromAnonAndAuthenticated() throws Exception {
        SupabaseDatabase db = SupabaseFixture.createDatabase();
        MigrationDirectory migrations = MigrationDirs.write(dir,
                "20250101000000_notes.sql", "CREATE TABLE public.notes (id int);\n",
                "20250102000000_expose.sql", "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public"
                        + " TO anon, authenticated;\n");
        applier(db).apply(migrations, ApplyOptions.builder().allowDirty(true).build());
        assertThat(one(db, "SELECT has_table_privilege('anon', 'public.notes', 'SELECT')"))
                .as("the fixture's default privileges reach ordinary tables").isEqualTo("t");
        assertThat(one(db, "SELECT relrowsecurity FROM pg_class WHERE oid = 'public.atlas_schema_revisions'"
                + "::regclass")).isEqualTo("t");
        for (String role : new String[] {"anon", "authenticated"}) {
            try (Connection connection = db.connectAsAdmin(); Statement statement = connection.createStatement()) {
                statement.execute("SET ROLE " + role);
                ResultSet rs = statement.executeQuery("SELECT count(*) FROM public.atlas_schema_revisions");
                rs.next();
                assertThat(rs.getInt(1)).as(role + " sees no history row, even after the blanket GRANT").isZero();
                assertThat(statement.executeUpdate("UPDATE public.atlas_schema_revisions SET hash = ''")).isZero();
            }
        }
        try (Connection connection = db.connect(); ResultSet rs = connection.createStatement()
                .executeQuery("SELECT count(*) FROM public.atlas_schema_revisions")) {
            rs.next();
            assertThat(rs.getInt(1)).as("the migrating role still reads it").isEqualTo(2);
        }
    }

    @Test
    void beforeAnyGrantTheDataApiRolesHaveNoPrivilegeOnTheHistory() throws Exception {
        SupabaseDatabase db = SupabaseFixture.createDatabase();
        applier(db).apply(MigrationDirs.write(dir, "20250101000000_notes.sql", "CREATE TABLE public.notes (id int);\n"),
                ApplyOptions.builder().allowDirty(true).build());
        assertThat(one(db, "SELECT string_agg(DISTINCT grantee, ',') FROM information_schema.role_table_grants"
                + " WHERE table_schema = 'public' AND table_name = 'atlas_schema_revisions'"
                + " AND grantee <> 'postgres'")).isNull();
    }

    @Test
    void aPolicyOnStorageObjectsIsExplainedNotCondemned() throws Exception {
        SupabaseDatabase db = SupabaseFixture.createDatabase();
        MigrationDirectory migrations = MigrationDirs.write(dir, "20250101000000_avatars.sql",
                "CREATE POLICY avatars_read ON storage.objects FOR SELECT USING (bucket_id = 'avatars');\n");
        assertThatThrownBy(() -> applier(db).apply(migrations, ApplyOptions.builder().allowDirty(true).build()))
                .isInstanceOfSatisfying(MigrationFailedException.class, e -> {
                    assertThat(e.getMessage()).contains("must be owner of table objects");
                    assertThat(e.hint()).contains("hosted Supabase normally lets postgres manage policies on"
                            + " storage.objects").contains("supautils.policy_grants")
                            .contains("The policy itself is fine").doesNotContain("drop");
                });
    }
}
