package io.github.pgmigrate.set;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgmigrate.apply.Applier;
import io.github.pgmigrate.apply.ApplyOptions;
import io.github.pgmigrate.apply.ApplyResult;
import io.github.pgmigrate.checksum.SumWriter;
import io.github.pgmigrate.config.ConnectionSettings;
import io.github.pgmigrate.database.DatabaseConnector;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.directory.Renumbering;
import io.github.pgmigrate.history.ExecOrder;
import io.github.pgmigrate.status.StatusReader;
import io.github.pgmigrate.status.StatusReport;
import io.github.pgmigrate.testing.MigrationDirs;
import io.github.pgmigrate.testing.RecordingOutput;
import io.github.pgmigrate.testing.Sql;
import io.github.pgmigrate.testing.TestDatabase;
import io.github.pgmigrate.testing.TestDatabases;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The path docs/goals/renumber.md describes for a database that ran a directory with two files of one version (one
 * history row for both): renumber the directory, run the set steps the goal prints (one per renumbered group, then
 * the version the database had reached), and the database is up to date: nothing runs twice.
 */
class SetAfterRenumberTest {
    @TempDir
    Path asApplied;

    @TempDir
    Path asWritten;

    @Test
    void renumberedFilesAreMarkedAppliedAndNothingRunsAgain() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        // What the database saw: the two 20251019 files ran, under one revision row.
        MigrationDirectory history = MigrationDirs.write(asApplied,
                "20251018_base.sql", "CREATE TABLE base (id int);\n",
                "20251019_a.sql", "CREATE TABLE a (id int);\nCREATE TABLE b (id int);\n",
                "20251020_c.sql", "CREATE TABLE c (id int);\n");
        new Applier(connector(db), new RecordingOutput()).apply(history, ApplyOptions.defaults());
        MigrationDirectory directory = MigrationDirs.write(asWritten,
                "20251018_base.sql", "CREATE TABLE base (id int);\n",
                "20251019_a.sql", "CREATE TABLE a (id int);\n",
                "20251019_b.sql", "CREATE TABLE b (id int);\n",
                "20251020_c.sql", "CREATE TABLE c (id int);\n");

        var renamings = Renumbering.plan(directory);
        Renumbering.apply(asWritten, renamings);
        SumWriter.write(MigrationDirectory.load(asWritten));
        MigrationDirectory renumbered = MigrationDirectory.load(asWritten);
        for (String version : Renumbering.setSequence(renamings)) {
            new RevisionSetter(connector(db), new RecordingOutput()).set(renumbered, version, false);
        }
        new RevisionSetter(connector(db), new RecordingOutput()).set(renumbered, "20251020", false);

        StatusReport status = new StatusReader(connector(db)).read(renumbered, ExecOrder.LINEAR);
        ApplyResult again = new Applier(connector(db), new RecordingOutput()).apply(renumbered, ApplyOptions.defaults());

        assertThat(status.isUpToDate()).isTrue();
        assertThat(status.gateFailure()).isEmpty();
        assertThat(again.nothingPending()).isTrue();
        assertThat(Sql.rows(db, "SELECT version, type FROM atlas_schema_revisions.atlas_schema_revisions ORDER BY 1"))
                .containsExactly("20251018|2", "20251019|2", "20251019000000|4", "20251019000001|4", "20251020|4");
    }

    private static DatabaseConnector connector(TestDatabase db) throws Exception {
        return DatabaseConnector.of(ConnectionSettings.of(db.environment()));
    }
}
