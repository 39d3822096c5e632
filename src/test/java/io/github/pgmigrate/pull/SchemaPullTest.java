package io.github.pgmigrate.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.apply.Applier;
import io.github.pgmigrate.apply.ApplyOptions;
import io.github.pgmigrate.config.ConnectionSettings;
import io.github.pgmigrate.database.DatabaseConnector;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.history.ExecOrder;
import io.github.pgmigrate.history.HistoryTarget;
import io.github.pgmigrate.schema.inspect.InspectScope;
import io.github.pgmigrate.status.StatusReader;
import io.github.pgmigrate.status.StatusReport;
import io.github.pgmigrate.testing.RecordingOutput;
import io.github.pgmigrate.testing.SupabaseDatabase;
import io.github.pgmigrate.testing.SupabaseFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** pull on the simulated Supabase project: its own objects in public become a baseline file, auth & co. stay out. */
class SchemaPullTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC);
    /** An oracle independent of the schema engine: the catalog's own description of public's tables. */
    private static final String PUBLIC_SHAPE = "SELECT c.relname || '.' || a.attname || ' ' || format_type(a.atttypid,"
            + " a.atttypmod) || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END FROM pg_attribute a"
            + " JOIN pg_class c ON c.oid = a.attrelid WHERE c.relnamespace = 'public'::regnamespace"
            + " AND c.relkind IN ('r', 'v') AND c.relname <> 'atlas_schema_revisions' AND a.attnum > 0"
            + " AND NOT a.attisdropped UNION ALL SELECT conrelid::regclass || ' ' || pg_get_constraintdef(oid)"
            + " FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1";

    @TempDir
    Path project;

    private static DatabaseConnector connector(SupabaseDatabase db) throws Exception {
        return DatabaseConnector.of(ConnectionSettings.of(db.environment(db.jdbcUrl())));
    }

    private static void exec(SupabaseDatabase db, String... sql) throws Exception {
        try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
            for (String s : sql) {
                statement.execute(s);
            }
        }
    }

    /** A project built in the dashboard: tables in public next to Supabase's managed schemas. */
    private static SupabaseDatabase dashboardProject() throws Exception {
        SupabaseDatabase db = SupabaseFixture.createDatabase();
        exec(db, "CREATE TABLE public.profiles (id uuid PRIMARY KEY REFERENCES auth.users (id) ON DELETE CASCADE,"
                        + " username text UNIQUE, created_at timestamptz NOT NULL DEFAULT now())",
                "CREATE TABLE public.posts (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, author uuid NOT NULL"
                        + " REFERENCES public.profiles (id), body text CHECK (length(body) < 1000))",
                "CREATE INDEX posts_author ON public.posts (author)",
                "CREATE VIEW public.post_counts AS SELECT author, count(*) AS n FROM public.posts GROUP BY author");
        return db;
    }

    @Test
    void pullWritesPublicAsABaselineLeavesManagedSchemasOutAndRecordsIt() throws Exception {
        SupabaseDatabase db = dashboardProject();
        Path dir = project.resolve("migrations");
        RecordingOutput out = new RecordingOutput();
        Path file = new SchemaPull(connector(db), out).pull(dir, "baseline", new InspectScope(List.of(), List.of(), "atlas_schema_revisions"), HistoryTarget.ATLAS, false, CLOCK);

        assertThat(file.getFileName().toString()).isEqualTo("20250301100000_baseline.sql");
        String sql = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(sql).contains("public.profiles").contains("public.posts").contains("posts_author")
                .contains("public.post_counts").doesNotContain("CREATE TABLE auth.").doesNotContain("storage.")
                .doesNotContain("atlas_schema_revisions");
        assertThat(out.text()).contains("Left out the platform's managed schemas").contains("auth")
                .contains("Recorded version 20250301100000 as the baseline");
        assertThat(Files.readString(dir.resolve("atlas.sum"))).contains("20250301100000_baseline.sql h1:");
        assertThat(db.rowsAsAdmin("SELECT version || ':' || type FROM atlas_schema_revisions.atlas_schema_revisions"))
                .containsExactly("20250301100000:1");
        StatusReport status = new StatusReader(connector(db)).read(MigrationDirectory.load(dir), ExecOrder.LINEAR);
        assertThat(status.isUpToDate()).isTrue();
        assertThat(status.current()).isEqualTo("20250301100000");

        // Replayed on another project, the file builds the same public schema.
        SupabaseDatabase replica = SupabaseFixture.createDatabase();
        new Applier(connector(replica), new RecordingOutput()).apply(MigrationDirectory.load(dir),
                ApplyOptions.builder().allowDirty(true).build());
        assertThat(replica.rowsAsAdmin(PUBLIC_SHAPE)).isEqualTo(db.rowsAsAdmin(PUBLIC_SHAPE)).isNotEmpty();
    }

    @Test
    void pullRefusesADatabaseWithHistoryAndNamesTheParameter() throws Exception {
        SupabaseDatabase db = dashboardProject();
        Path dir = project.resolve("migrations");
        new SchemaPull(connector(db), new RecordingOutput()).pull(dir, "baseline", new InspectScope(List.of(),
                List.of(), "atlas_schema_revisions"), HistoryTarget.ATLAS, false, CLOCK);
        Clock later = Clock.offset(CLOCK, java.time.Duration.ofDays(1));
        assertThatThrownBy(() -> new SchemaPull(connector(db), new RecordingOutput()).pull(dir, "again",
                new InspectScope(List.of(), List.of(), "atlas_schema_revisions"), HistoryTarget.ATLAS, false, later))
                .isInstanceOfSatisfying(PgMigrateException.class, e -> {
                    assertThat(e.getMessage()).contains("already has a migration history (1 versions, the last"
                            + " 20250301100000)");
                    assertThat(e.hint()).contains("-Dpgmigrate.pull.overHistory=true").contains("pgmigrate:diff");
                });
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
                    .containsExactly("20250301100000_baseline.sql", "atlas.sum");
        }

        Path squash = new SchemaPull(connector(db), new RecordingOutput()).pull(dir, "squash",
                new InspectScope(List.of(), List.of(), "atlas_schema_revisions"), HistoryTarget.BOTH, true, later);
        assertThat(squash.getFileName().toString()).isEqualTo("20250302100000_squash.sql");
        assertThat(db.rowsAsAdmin("SELECT string_agg(version || ':' || type, ',' ORDER BY version)"
                + " FROM atlas_schema_revisions.atlas_schema_revisions")).containsExactly("20250301100000:1,20250302100000:1");
        // Supabase's history knows no baseline: every file up to the squash is recorded as applied.
        assertThat(db.rowsAsAdmin("SELECT version FROM supabase_migrations.schema_migrations ORDER BY version"))
                .containsExactly("20250301100000", "20250302100000");
    }

    @Test
    void pullOfAProjectWithNothingOfItsOwnSaysSoAndWritesNothing() throws Exception {
        SupabaseDatabase db = SupabaseFixture.createDatabase();
        Path dir = project.resolve("migrations");
        assertThatThrownBy(() -> new SchemaPull(connector(db), new RecordingOutput()).pull(dir, "baseline",
                new InspectScope(List.of(), List.of(), "atlas_schema_revisions"), HistoryTarget.ATLAS, false, CLOCK))
                .hasMessageContaining("nothing to pull");
        assertThat(Files.exists(dir)).isFalse();
    }
}
