package io.github.pgmigrate.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.apply.Applier;
import io.github.pgmigrate.apply.ApplyOptions;
import io.github.pgmigrate.config.ConnectionSettings;
import io.github.pgmigrate.database.DatabaseConnector;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.set.RevisionSetter;
import io.github.pgmigrate.set.SupabaseImport;
import io.github.pgmigrate.status.StatusFormatter;
import io.github.pgmigrate.status.StatusJson;
import io.github.pgmigrate.status.StatusReader;
import io.github.pgmigrate.status.StatusReport;
import io.github.pgmigrate.testing.MigrationDirs;
import io.github.pgmigrate.testing.RecordingOutput;
import io.github.pgmigrate.testing.SupabaseDatabase;
import io.github.pgmigrate.testing.SupabaseFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Supabase CLI's history ({@code supabase_migrations.schema_migrations}) on the simulated Supabase project: written by
 * apply and set with {@code history=supabase|both}, shown by status beside Atlas's revisions, imported by set.
 */
class SupabaseHistoryTest {
    private static final String COLUMNS = "SELECT string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod)"
            + " || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END, ', ' ORDER BY a.attnum)"
            + " || ' / ' || (SELECT string_agg(pg_get_constraintdef(c.oid), ', ') FROM pg_constraint c"
            + " WHERE c.conrelid = 'supabase_migrations.schema_migrations'::regclass)"
            + " FROM pg_attribute a WHERE a.attrelid = 'supabase_migrations.schema_migrations'::regclass"
            + " AND a.attnum > 0 AND NOT a.attisdropped";

    @TempDir
    Path dir;

    private MigrationDirectory migrations() {
        return MigrationDirs.write(dir,
                "20250101000000_profiles.sql", "-- who is who\nCREATE TABLE public.profiles (id uuid PRIMARY KEY"
                        + " REFERENCES auth.users (id), name text);\nALTER TABLE public.profiles ENABLE ROW LEVEL"
                        + " SECURITY;\n",
                "20250102000000_notes.sql", "CREATE TABLE public.notes (id bigint PRIMARY KEY, body text);\n",
                "20250103000000_tags.sql", "CREATE TABLE public.tags (name text PRIMARY KEY);\n");
    }

    private static DatabaseConnector connector(SupabaseDatabase db) throws Exception {
        String separator = db.jdbcUrl().contains("?") ? "&" : "?";
        return DatabaseConnector.of(ConnectionSettings.of(db.environment(db.jdbcUrl() + separator
                + "currentSchema=public,extensions")));
    }

    @Test
    void applyWithHistorySupabaseWritesTheCliTableAsDbPushDoesAndNoAtlasTable() throws Exception {
        SupabaseDatabase db = SupabaseFixture.createDatabase();
        new Applier(connector(db), new RecordingOutput()).apply(migrations(),
                ApplyOptions.builder().history(HistoryTarget.SUPABASE).build());

        assertThat(db.rowsAsAdmin("SELECT version || ' ' || name || ' ' || array_length(statements, 1)"
                + " FROM supabase_migrations.schema_migrations ORDER BY version"))
                .containsExactly("20250101000000 profiles 2", "20250102000000 notes 1", "20250103000000 tags 1");
        assertThat(db.rowsAsAdmin("SELECT statements[1] || '|' || statements[2] FROM supabase_migrations.schema_migrations"
                + " WHERE version = '20250101000000'")).containsExactly("-- who is who\nCREATE TABLE public.profiles"
                + " (id uuid PRIMARY KEY REFERENCES auth.users (id), name text)|ALTER TABLE public.profiles ENABLE ROW"
                + " LEVEL SECURITY");
        assertThat(db.rowsAsAdmin("SELECT count(*) FROM pg_class WHERE relname = 'atlas_schema_revisions'"))
                .containsExactly("0");
        assertThat(db.rowsAsAdmin("SELECT pg_get_userbyid(relowner) FROM pg_class"
                + " WHERE oid = 'supabase_migrations.schema_migrations'::regclass")).containsExactly("postgres");

        // The oracle: the table the CLI's own statements create, in a second project.
        SupabaseDatabase cli = SupabaseFixture.createDatabase();
        cli.pushedBySupabaseCli();
        assertThat(db.rowsAsAdmin(COLUMNS)).isEqualTo(cli.rowsAsAdmin(COLUMNS))
                .containsExactly("version text not null, statements text[], name text / PRIMARY KEY (version)");

        StatusReport status = new StatusReader(connector(db)).read(migrations(), ExecOrder.LINEAR,
                HistoryTarget.SUPABASE);
        assertThat(status.isUpToDate()).isTrue();
        assertThat(status.executed()).isEqualTo(3);
    }

    @Test
    void historyBothKeepsBothTablesInStepAndSetRemovesFromBoth() throws Exception {
        SupabaseDatabase db = SupabaseFixture.createDatabase();
        MigrationDirectory migrations = migrations();
        new Applier(connector(db), new RecordingOutput()).apply(migrations,
                ApplyOptions.builder().history(HistoryTarget.BOTH).toVersion("20250102000000").build());
        assertThat(db.rowsAsAdmin("SELECT string_agg(version, ',' ORDER BY version) FROM public.atlas_schema_revisions"))
                .containsExactly("20250101000000,20250102000000");
        assertThat(db.rowsAsAdmin("SELECT string_agg(version, ',' ORDER BY version)"
                + " FROM supabase_migrations.schema_migrations")).containsExactly("20250101000000,20250102000000");

        new RevisionSetter(connector(db), new RecordingOutput()).set(migrations, "20250103000000", false,
                HistoryTarget.BOTH);
        assertThat(db.rowsAsAdmin("SELECT string_agg(version, ',' ORDER BY version)"
                + " FROM supabase_migrations.schema_migrations"))
                .containsExactly("20250101000000,20250102000000,20250103000000");
        new RevisionSetter(connector(db), new RecordingOutput()).set(migrations, "20250101000000", false,
                HistoryTarget.BOTH);
        assertThat(db.rowsAsAdmin("SELECT string_agg(version, ',' ORDER BY version) FROM public.atlas_schema_revisions"))
                .containsExactly("20250101000000");
        assertThat(db.rowsAsAdmin("SELECT string_agg(version, ',' ORDER BY version)"
                + " FROM supabase_migrations.schema_migrations")).containsExactly("20250101000000");
    }

    @Test
    void statusShowsSupabaseVersionsBesideAtlasAndFlagsThoseOfOneToolOnly() throws Exception {
        SupabaseDatabase db = SupabaseFixture.createDatabase();
        MigrationDirectory migrations = migrations();
        new Applier(connector(db), new RecordingOutput()).apply(migrations,
                ApplyOptions.builder().toVersion("20250102000000").build());
        db.pushedBySupabaseCli("'20250101000000', 'profiles', '{}'", "'20250103000000', 'tags', '{}'");

        StatusReport report = new StatusReader(connector(db)).read(migrations, ExecOrder.LINEAR);
        assertThat(report.supabase().versions()).containsExactly("20250101000000", "20250103000000");
        assertThat(report.supabase().onlySupabase()).containsExactly("20250103000000");
        assertThat(report.supabase().onlyAtlas()).containsExactly("20250102000000");
        String text = String.join("\n", StatusFormatter.lines(report));
        assertThat(text).contains("Supabase CLI history (supabase_migrations.schema_migrations): 2 versions")
                .contains("  -- Applied by Supabase CLI only: 20250103000000")
                .contains("  -- Recorded by Atlas/pgmigrate only: 20250102000000")
                .containsPattern("20250103000000 +tags +pending +1 +applied");
        var json = StatusJson.toJson(report);
        assertThat(json.get("supabaseHistory").get("onlySupabase").toString()).isEqualTo("[\"20250103000000\"]");
        assertThat(json.get("migrations").get(0).get("supabase").asBoolean()).isTrue();
        assertThat(json.get("migrations").get(1).get("supabase").asBoolean()).isFalse();
    }

    @Test
    void statusWithoutSupabaseHistoryShowsNoSupabaseColumn() throws Exception {
        SupabaseDatabase db = SupabaseFixture.createDatabase();
        StatusReport report = new StatusReader(connector(db)).read(migrations(), ExecOrder.LINEAR);
        assertThat(report.supabase()).isNull();
        assertThat(String.join("\n", StatusFormatter.lines(report))).doesNotContain("Supabase");
        assertThat(StatusJson.toJson(report).get("supabaseHistory").isNull()).isTrue();
    }

    @Test
    void importAdoptsADatabaseMigratedBySupabaseDbPush() throws Exception {
        SupabaseDatabase db = SupabaseFixture.createDatabase();
        MigrationDirectory migrations = migrations();
        db.pushedBySupabaseCli("'20250101000000', 'profiles', '{}'", "'20250102000000', 'notes', '{}'");
        RecordingOutput out = new RecordingOutput();
        new SupabaseImport(connector(db), out).run(migrations, false);
        assertThat(out.text()).contains("Imported 2 of Supabase's 2 versions")
                .contains("the history now ends at version 20250102000000");
        assertThat(db.rowsAsAdmin("SELECT string_agg(version || ':' || type, ',' ORDER BY version)"
                + " FROM public.atlas_schema_revisions")).containsExactly("20250101000000:4,20250102000000:4");

        StatusReport status = new StatusReader(connector(db)).read(migrations, ExecOrder.LINEAR);
        assertThat(status.pending()).isEqualTo(1);
        assertThat(status.next()).isEqualTo("20250103000000");
        assertThat(status.supabase().disagrees()).isFalse();
    }

    @Test
    void importNamesEveryMismatchAndWritesNothing() throws Exception {
        SupabaseDatabase db = SupabaseFixture.createDatabase();
        db.pushedBySupabaseCli("'20240101000000', 'dashboard_change', NULL", "'20250101000000', 'profiles', NULL",
                "'20250103000000', 'tags', NULL");
        assertThatThrownBy(() -> new SupabaseImport(connector(db), new RecordingOutput()).run(migrations(), false))
                .isInstanceOfSatisfying(PgMigrateException.class, e -> {
                    assertThat(e.getMessage()).contains("version 20240101000000 (dashboard_change) is in Supabase's"
                            + " history but no migration file has that version")
                            .contains("20250102000000_notes.sql is not in Supabase's history, but the later"
                                    + " version 20250103000000 is");
                    assertThat(e.hint()).startsWith("nothing was imported");
                });
        assertThat(db.rowsAsAdmin("SELECT count(*) FROM pg_class WHERE relname = 'atlas_schema_revisions'"))
                .containsExactly("0");
    }

    @Test
    void importWithoutSupabaseHistorySaysSo() throws Exception {
        SupabaseDatabase db = SupabaseFixture.createDatabase();
        assertThatThrownBy(() -> new SupabaseImport(connector(db), new RecordingOutput()).run(migrations(), false))
                .hasMessageContaining("no Supabase history to import: supabase_migrations.schema_migrations is"
                        + " missing or empty");
    }

    @Test
    void historySupabaseRefusesAFileWithoutTransactionBeforeAnythingRuns() throws Exception {
        SupabaseDatabase db = SupabaseFixture.createDatabase();
        MigrationDirectory migrations = MigrationDirs.write(dir, "20250101000000_t.sql",
                "CREATE TABLE public.t (id int);\n", "20250102000000_i.sql",
                "-- atlas:txmode none\n\nCREATE INDEX CONCURRENTLY t_id ON public.t (id);\n");
        assertThatThrownBy(() -> new Applier(connector(db), new RecordingOutput()).apply(migrations,
                ApplyOptions.builder().history(HistoryTarget.SUPABASE).build()))
                .hasMessageContaining("20250102000000_i.sql runs without a transaction")
                .isInstanceOfSatisfying(PgMigrateException.class,
                        e -> assertThat(e.hint()).contains("-Dpgmigrate.history=both"));
        assertThat(db.rowsAsAdmin("SELECT count(*) FROM pg_class WHERE relname IN ('t', 'schema_migrations')"
                + " AND relnamespace IN ('public'::regnamespace)")).containsExactly("0");
    }

    @Test
    void aBaselineRecordsEveryVersionUpToItInSupabasesHistoryWhichKnowsNoBaseline() throws Exception {
        SupabaseDatabase db = SupabaseFixture.createDatabase();
        MigrationDirectory migrations = migrations();
        new Applier(connector(db), new RecordingOutput()).apply(migrations,
                ApplyOptions.builder().history(HistoryTarget.BOTH).baseline("20250102000000").build());
        assertThat(db.rowsAsAdmin("SELECT string_agg(version || ':' || type, ',' ORDER BY version)"
                + " FROM public.atlas_schema_revisions"))
                .containsExactly("20250102000000:1,20250103000000:2");
        assertThat(db.rowsAsAdmin("SELECT string_agg(version, ',' ORDER BY version)"
                + " FROM supabase_migrations.schema_migrations"))
                .containsExactly("20250101000000,20250102000000,20250103000000");
        StatusReport status = new StatusReader(connector(db)).read(migrations, ExecOrder.LINEAR,
                HistoryTarget.SUPABASE);
        assertThat(status.isUpToDate()).isTrue();
        assertThat(db.rowsAsAdmin("SELECT to_regclass('public.tags') IS NOT NULL AND to_regclass('public.notes')"
                + " IS NULL")).containsExactly("t");
    }
}
