package io.github.pgmigrate.set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.apply.Applier;
import io.github.pgmigrate.apply.ApplyOptions;
import io.github.pgmigrate.lock.LockKey;
import io.github.pgmigrate.lock.LockTimeoutException;
import io.github.pgmigrate.checksum.SumFile;
import io.github.pgmigrate.config.ConnectionSettings;
import io.github.pgmigrate.database.DatabaseConnector;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.testing.MigrationDirs;
import io.github.pgmigrate.testing.RecordingOutput;
import io.github.pgmigrate.testing.Sql;
import io.github.pgmigrate.testing.TestDatabase;
import io.github.pgmigrate.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RevisionSetterTest {
    private static final String REVISIONS = "atlas_schema_revisions.atlas_schema_revisions";

    @TempDir
    Path dir;

    private MigrationDirectory files() {
        return MigrationDirs.write(dir, "1_a.sql", "CREATE TABLE a (id int);\n",
                "2_b.sql", "CREATE TABLE b (id int);\n", "3_c.sql", "CREATE TABLE c (id int);\n",
                "4_d.sql", "CREATE TABLE d (id int);\n");
    }

    private static DatabaseConnector connector(TestDatabase db) throws Exception {
        return DatabaseConnector.of(ConnectionSettings.of(db.environment()));
    }

    @Test
    void recordsVersionsAsAppliedWithoutRunningThemThenApplyContinues() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        MigrationDirectory migrations = files();
        RecordingOutput out = new RecordingOutput();
        SetResult result = new RevisionSetter(connector(db), out).set(migrations, "2", false);

        assertThat(result.added()).containsExactly("1 (a)", "2 (b)");
        assertThat(out.lines()).containsExactly("Current version is 2 (2 set, 0 removed):", "", "  + 1 (a)",
                "  + 2 (b)");
        SumFile sum = SumFile.compute(migrations.files());
        assertThat(Sql.rows(db, "SELECT version, type, applied, total, hash FROM " + REVISIONS + " ORDER BY 1"))
                .containsExactly("1|4|0|0|" + sum.hashOf("1_a.sql").orElseThrow(),
                        "2|4|0|0|" + sum.hashOf("2_b.sql").orElseThrow());
        assertThat(Sql.rows(db, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).isEmpty();

        new Applier(connector(db), new RecordingOutput()).apply(migrations, ApplyOptions.defaults());
        assertThat(Sql.rows(db, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"))
                .containsExactly("c", "d");
    }

    @Test
    void removesRevisionsAboveTheVersion() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        MigrationDirectory migrations = files();
        new Applier(connector(db), new RecordingOutput()).apply(migrations, ApplyOptions.defaults());
        RecordingOutput out = new RecordingOutput();
        new RevisionSetter(connector(db), out).set(migrations, "2", false);
        assertThat(out.lines()).containsExactly("Current version is 2 (0 set, 2 removed):", "", "  - 3 (c)",
                "  - 4 (d)");
        assertThat(Sql.rows(db, "SELECT version FROM " + REVISIONS + " ORDER BY 1")).containsExactly("1", "2");

        assertThatThrownBy(() -> new RevisionSetter(connector(db), new RecordingOutput()).set(migrations, "9", false))
                .isInstanceOf(PgMigrateException.class)
                .hasMessage("migration with version \"9\" not found");
    }

    @Test
    void marksAFailedNonTransactionalFileAsDone() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        MigrationDirectory migrations = MigrationDirs.write(dir, "1_a.sql", "CREATE TABLE a (id int);\n",
                "2_b.sql", "-- atlas:txmode none\n\nCREATE TABLE b (id int);\nCREATE TABLE a (id int);\n");
        assertThatThrownBy(() -> new Applier(connector(db), new RecordingOutput()).apply(migrations,
                ApplyOptions.defaults())).isInstanceOf(PgMigrateException.class);

        new RevisionSetter(connector(db), new RecordingOutput()).set(migrations, "2", false);
        assertThat(Sql.one(db, "SELECT type, applied, total, partial_hashes::text FROM " + REVISIONS
                + " WHERE version = '2'")).isEqualTo("6|2|2|null");
        RecordingOutput out = new RecordingOutput();
        new Applier(connector(db), out).apply(migrations, ApplyOptions.defaults());
        assertThat(out.lines()).contains("No migration files to execute");
    }

    @Test
    void needsTheLockAtOnceLikeAtlas() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        MigrationDirectory migrations = files();
        try (Connection holder = db.connect()) {
            holder.createStatement().execute("SELECT pg_advisory_lock(" + LockKey.apply() + ")");
            assertThatThrownBy(() -> new RevisionSetter(connector(db), new RecordingOutput()).set(migrations, "1",
                    false)).isInstanceOf(LockTimeoutException.class);
        }
        assertThat(Sql.rows(db, "SELECT count(*) FROM pg_namespace WHERE nspname = 'atlas_schema_revisions'"))
                .containsExactly("0");
    }

    @Test
    void withoutAVersionOnAnEmptyDatabaseRecordsEveryFileUpToTheLatest() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        RecordingOutput out = new RecordingOutput();
        SetResult result = new RevisionSetter(connector(db), out).set(files(), null, false);

        assertThat(result.version()).isEqualTo("4");
        assertThat(out.lines()).containsExactly(
                "No toVersion given: setting the history to the latest file, version 4",
                "Current version is 4 (4 set, 0 removed):", "", "  + 1 (a)", "  + 2 (b)", "  + 3 (c)", "  + 4 (d)");
        assertThat(Sql.rows(db, "SELECT version, type FROM " + REVISIONS + " ORDER BY 1"))
                .containsExactly("1|4", "2|4", "3|4", "4|4");
    }

    @Test
    void aRefusedSetCreatesNothing() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        assertThatThrownBy(() -> new RevisionSetter(connector(db), new RecordingOutput()).set(files(), "9", false))
                .isInstanceOf(PgMigrateException.class)
                .hasMessage("migration with version \"9\" not found");
        assertThat(Sql.rows(db, "SELECT count(*) FROM pg_namespace WHERE nspname = 'atlas_schema_revisions'"))
                .containsExactly("0");
    }
}
