package io.github.pgmigrate.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pgmigrate.apply.Applier;
import io.github.pgmigrate.apply.ApplyOptions;
import io.github.pgmigrate.checksum.SumFile;
import io.github.pgmigrate.config.ConnectionSettings;
import io.github.pgmigrate.database.DatabaseConnector;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.history.ExecOrder;
import io.github.pgmigrate.lock.LockKey;
import io.github.pgmigrate.lock.LockTimeoutException;
import io.github.pgmigrate.status.StatusReader;
import io.github.pgmigrate.testing.MigrationDirs;
import io.github.pgmigrate.testing.RecordingOutput;
import io.github.pgmigrate.testing.Sql;
import io.github.pgmigrate.testing.TestDatabase;
import io.github.pgmigrate.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HashRepairTest {
    private static final String REVISIONS = "atlas_schema_revisions.atlas_schema_revisions";
    private static final String HISTORY = "SELECT string_agg(version || ' ' || hash || ' ' || type || ' '"
            + " || applied || '/' || total || ' ' || executed_at || ' ' || operator_version, ',' ORDER BY version)"
            + " FROM " + REVISIONS;

    @TempDir
    Path dir;

    private static DatabaseConnector connector(TestDatabase db) throws Exception {
        return DatabaseConnector.of(ConnectionSettings.of(db.environment()));
    }

    /** Applies three files, then edits the second (and rehashes, as a developer accepting the edit would). */
    private MigrationDirectory appliedThenEdited(TestDatabase db) throws Exception {
        MigrationDirs.write(dir, "1_a.sql", "CREATE TABLE a (id int);\n", "2_b.sql", "CREATE TABLE b (id int);\n",
                "3_c.sql", "CREATE TABLE c (id int);\n");
        new Applier(connector(db), new RecordingOutput()).apply(MigrationDirs.rehash(dir), ApplyOptions.defaults());
        MigrationDirs.edit(dir, "2_b.sql", "CREATE TABLE b (id int);\nCOMMENT ON TABLE b IS 'edited';\n");
        return MigrationDirs.rehash(dir);
    }

    @Test
    void listsThenRecordsTheCurrentHashesOfEditedAppliedFilesOnly() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        MigrationDirectory edited = appliedThenEdited(db);
        SumFile sum = SumFile.compute(edited.files());
        String before = Sql.one(db, HISTORY);
        String oldHash2 = Sql.one(db, "SELECT hash FROM " + REVISIONS + " WHERE version = '2'");

        RecordingOutput out = new RecordingOutput();
        List<?> changes = new HashRepair(connector(db), out).repair(edited, false, false);

        assertThat(changes).hasSize(2);
        assertThat(out.lines()).startsWith("Applied files changed since they ran (2):",
                "  ~ 2_b.sql  h1:" + oldHash2 + " -> h1:" + sum.hashOf("2_b.sql").orElseThrow());
        assertThat(out.lines().get(2)).startsWith("  ~ 3_c.sql  h1:");
        assertThat(out.lines().get(3)).startsWith("Recorded the current hashes of 2 applied file(s) in "
                + "\"atlas_schema_revisions\".\"atlas_schema_revisions\"; no migration was run.");
        String[] rows = before.split(",");
        assertThat(Sql.one(db, HISTORY)).isEqualTo(String.join(",", rows[0],
                rows[1].replace(oldHash2, sum.hashOf("2_b.sql").orElseThrow()),
                rows[2].replace(rows[2].split(" ")[1], sum.hashOf("3_c.sql").orElseThrow())));
        assertThat(Sql.one(db, "SELECT coalesce(obj_description('b'::regclass), 'none')")).isEqualTo("none");

        RecordingOutput strictApply = new RecordingOutput();
        new Applier(connector(db), strictApply).apply(edited, ApplyOptions.builder().strict(true).build());
        assertThat(strictApply.lines()).containsExactly("No migration files to execute");
        assertThat(new StatusReader(connector(db)).read(edited, ExecOrder.LINEAR).changed()).isEmpty();

        RecordingOutput again = new RecordingOutput();
        assertThat(new HashRepair(connector(db), again).repair(edited, false, false)).isEmpty();
        assertThat(again.lines()).containsExactly(
                "Nothing to repair: every applied file has the atlas.sum hash it ran with");
    }

    @Test
    void aDryRunListsAndWritesNothing() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        MigrationDirectory edited = appliedThenEdited(db);
        String before = Sql.one(db, HISTORY);

        RecordingOutput out = new RecordingOutput();
        assertThat(new HashRepair(connector(db), out).repair(edited, true, false)).hasSize(2);

        assertThat(out.lines().get(0)).isEqualTo("[dry run] Applied files changed since they ran (2):");
        assertThat(out.lines().get(out.lines().size() - 1)).isEqualTo("[dry run] nothing was written; without"
                + " pgmigrate.dryRun these hashes are recorded in \"atlas_schema_revisions\".\"atlas_schema_revisions\"");
        assertThat(Sql.one(db, HISTORY)).isEqualTo(before);
    }

    @Test
    void failsAtOnceWhileAnApplyHoldsTheLock() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        MigrationDirectory edited = appliedThenEdited(db);
        String before = Sql.one(db, HISTORY);
        try (Connection holder = db.connect()) {
            holder.createStatement().execute("SELECT pg_advisory_lock(" + LockKey.apply() + ")");
            assertThatThrownBy(() -> new HashRepair(connector(db), new RecordingOutput()).repair(edited, false, false))
                    .isInstanceOf(LockTimeoutException.class)
                    .hasMessageContaining("lock is held by other session")
                    .satisfies(e -> assertThat(((LockTimeoutException) e).hint())
                            .isEqualTo("an apply is running against this database; run repair when it has finished"));
        }
        assertThat(Sql.one(db, HISTORY)).isEqualTo(before);
    }
}
