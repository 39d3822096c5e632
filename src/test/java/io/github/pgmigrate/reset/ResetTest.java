package io.github.pgmigrate.reset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.apply.Applier;
import io.github.pgmigrate.apply.ApplyOptions;
import io.github.pgmigrate.clean.CleanOptions;
import io.github.pgmigrate.config.ConnectionSettings;
import io.github.pgmigrate.database.DatabaseConnector;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.testing.MigrationDirs;
import io.github.pgmigrate.testing.RecordingOutput;
import io.github.pgmigrate.testing.Sql;
import io.github.pgmigrate.testing.TestDatabase;
import io.github.pgmigrate.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResetTest {
    private static final CleanOptions CLEAN = new CleanOptions(List.of(), List.of(), false, false,
            Duration.ofSeconds(10));
    private static final ApplyOptions APPLY = ApplyOptions.builder().allowDirty(true).build();

    @TempDir
    Path dir;

    private MigrationDirectory migrations() {
        return MigrationDirs.write(dir.resolve("migrations"), "20250101000000_users.sql",
                "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);\n");
    }

    private SeedFile seed(String text) throws Exception {
        Path file = Files.writeString(dir.resolve("seed.sql"), text);
        return new SeedFile(file, "supabase/seed.sql");
    }

    private static DatabaseConnector connector(TestDatabase db) throws Exception {
        return DatabaseConnector.of(ConnectionSettings.of(db.environment()));
    }

    @Test
    void resetDropsReappliesAndSeeds() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        MigrationDirectory migrations = migrations();
        new Applier(connector(db), new RecordingOutput()).apply(migrations, ApplyOptions.defaults());
        Sql.exec(db, "INSERT INTO users VALUES (7, 'old@example.com'); CREATE TABLE scratch (x int)");

        ResetResult result = new Reset(connector(db), new RecordingOutput()).run(migrations, CLEAN, APPLY,
                seed("INSERT INTO users VALUES (1, 'ada@example.com');\n"
                        + "INSERT INTO users VALUES (2, $$grace@example.com$$);\n"));

        assertThat(result.clean().statements()).contains("DROP TABLE public.scratch", "DROP TABLE public.users");
        assertThat(result.apply().applied()).hasSize(1);
        assertThat(result.seedStatements()).isEqualTo(2);
        assertThat(Sql.one(db, "SELECT string_agg(email, ',' ORDER BY id) FROM users"))
                .isEqualTo("ada@example.com,grace@example.com");
        assertThat(Sql.one(db, "SELECT to_regclass('public.scratch') IS NULL")).isEqualTo("t");
    }

    @Test
    void oneSessionHoldsTheMigrationLockFromTheFirstDropToTheLastSeedStatement() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        Sql.exec(db, "CREATE TABLE leftover (x int)");
        String sessionRow = "SELECT %s, pg_backend_pid(), (SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
                + " AND pid = pg_backend_pid() AND granted)";
        MigrationDirectory migrations = MigrationDirs.write(dir.resolve("migrations"), "20250101000000_sessions.sql",
                "CREATE TABLE sessions (step text, pid int, advisory_locks int);\n"
                        + "INSERT INTO sessions " + String.format(sessionRow, "'apply'") + ";\n");

        new Reset(connector(db), new RecordingOutput()).run(migrations, CLEAN, APPLY,
                seed("INSERT INTO sessions " + String.format(sessionRow, "'seed'") + ";\n"));

        assertThat(Sql.one(db, "SELECT count(DISTINCT pid) FROM sessions")).as("one session").isEqualTo("1");
        assertThat(Sql.one(db, "SELECT string_agg(step || ':' || (advisory_locks > 0), ',' ORDER BY step)"
                + " FROM sessions")).as("the lock held while applying and while seeding")
                .isEqualTo("apply:true,seed:true");
        assertThat(Sql.one(db, "SELECT to_regclass('public.leftover') IS NULL")).isEqualTo("t");
        assertThat(Sql.one(db, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"))
                .as("released at the end").isEqualTo("0");
    }

    @Test
    void aFailingSeedNamesItsLineAndKeepsNoneOfTheSeed() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();

        assertThatThrownBy(() -> new Reset(connector(db), new RecordingOutput()).run(migrations(), CLEAN, APPLY,
                seed("INSERT INTO users VALUES (1, 'ada@example.com');\n\nINSERT INTO users VALUES (1, 'twice');\n")))
                .isInstanceOfSatisfying(PgMigrateException.class, e -> assertThat(e.getMessage())
                        .startsWith("supabase/seed.sql:3: the seed failed: ").contains("23505")
                        .contains("none of the seed was kept"));
        assertThat(Sql.one(db, "SELECT count(*) FROM users")).isEqualTo("0");
    }

    @Test
    void aSeedThatDoesNotParseStopsTheResetBeforeAnythingIsDropped() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        MigrationDirectory migrations = migrations();
        new Applier(connector(db), new RecordingOutput()).apply(migrations, ApplyOptions.defaults());

        assertThatThrownBy(() -> new Reset(connector(db), new RecordingOutput()).run(migrations, CLEAN, APPLY,
                seed("INSERT INTO users VALUES (1, 'unterminated);\n")))
                .isInstanceOfSatisfying(PgMigrateException.class, e -> assertThat(e.getMessage())
                        .startsWith("supabase/seed.sql:1:"));
        assertThat(Sql.one(db, "SELECT count(*) FROM atlas_schema_revisions.atlas_schema_revisions")).isEqualTo("1");
    }
}
