package io.github.pgmigrate.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pgmigrate.apply.Applier;
import io.github.pgmigrate.apply.ApplyOptions;
import io.github.pgmigrate.checksum.SumFile;
import io.github.pgmigrate.history.ExecOrder;
import io.github.pgmigrate.config.ConnectionSettings;
import io.github.pgmigrate.database.DatabaseConnector;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.testing.MigrationDirs;
import io.github.pgmigrate.testing.RecordingOutput;
import io.github.pgmigrate.testing.Sql;
import io.github.pgmigrate.testing.TestDatabase;
import io.github.pgmigrate.testing.TestDatabases;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusReaderTest {

    @TempDir
    Path dir;

    private static DatabaseConnector connector(TestDatabase db) throws Exception {
        return DatabaseConnector.of(ConnectionSettings.of(db.environment()));
    }

    @Test
    void freshDatabaseHasEverythingPendingAndNothingIsCreated() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        Sql.exec(db, "CREATE SCHEMA auth", "CREATE TABLE auth.users (id int)");
        MigrationDirectory migrations = MigrationDirs.write(dir, "1_a.sql", "CREATE TABLE a (id int);\n",
                "2_b.sql", "CREATE TABLE b (id int);\nCREATE TABLE c (id int);\n");
        StatusReport report = new StatusReader(connector(db)).read(migrations, ExecOrder.LINEAR);

        assertThat(report.isUpToDate()).isFalse();
        assertThat(StatusFormatter.lines(report)).containsExactly(
                "Migration Status: PENDING",
                "  -- Current Version: No migration applied yet",
                "  -- Next Version:    1",
                "  -- Executed Files:  0",
                "  -- Pending Files:   2",
                "",
                "  Version  Description  State    Executed at  Time  Statements",
                "  1        a            pending                     1",
                "  2        b            pending                     2");
        assertThat(Sql.one(db, "SELECT count(*) FROM pg_namespace WHERE nspname = 'atlas_schema_revisions'"))
                .isEqualTo("0");
    }

    @Test
    void showsAppliedPendingAndAFailedPartialFile() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        DatabaseConnector connector = connector(db);
        MigrationDirs.write(dir, "1_a.sql", "CREATE TABLE a (id int);\n",
                "2_b.sql", "-- atlas:txmode none\n\nCREATE TABLE b (id int);\nINSERT INTO b SELECT x FROM nope;\n"
                        + "CREATE TABLE c (id int);\n",
                "3_d.sql", "CREATE TABLE d (id int);\n");
        try {
            new Applier(connector, new RecordingOutput()).apply(MigrationDirectory.load(dir), ApplyOptions.defaults());
        } catch (io.github.pgmigrate.PgMigrateException expected) {
            // file 2 fails at its second statement
        }
        StatusReport report = new StatusReader(connector).read(MigrationDirectory.load(dir), ExecOrder.LINEAR);
        List<String> lines = StatusFormatter.lines(report);

        assertThat(lines.subList(0, 9)).containsExactly(
                "Migration Status: PENDING",
                "  -- Current Version: 2 (1 statements applied)",
                "  -- Next Version:    2 (2 statements left)",
                "  -- Executed Files:  2 (last one partially)",
                "  -- Pending Files:   2",
                "",
                "Last migration attempt had errors:",
                "  -- SQL:   INSERT INTO b SELECT x FROM nope;",
                "  -- ERROR: relation \"nope\" does not exist");
        assertThat(report.rows()).extracting(StatusReport.Row::version, StatusReport.Row::state,
                StatusReport.Row::statements).containsExactly(
                org.assertj.core.groups.Tuple.tuple("1", "applied", "1/1"),
                org.assertj.core.groups.Tuple.tuple("2", "failed", "1/3"),
                org.assertj.core.groups.Tuple.tuple("3", "pending", "1"));
        assertThat(report.rows().get(0).executedAt()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ");
    }

    @Test
    void upToDateAndOutOfOrder() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        DatabaseConnector connector = connector(db);
        MigrationDirs.write(dir, "1_a.sql", "CREATE TABLE a (id int);\n", "3_c.sql", "CREATE TABLE c (id int);\n");
        new Applier(connector, new RecordingOutput()).apply(MigrationDirectory.load(dir), ApplyOptions.defaults());
        StatusReport ok = new StatusReader(connector).read(MigrationDirectory.load(dir), ExecOrder.LINEAR);
        assertThat(ok.isUpToDate()).isTrue();
        assertThat(StatusFormatter.lines(ok).subList(0, 5)).containsExactly(
                "Migration Status: OK",
                "  -- Current Version: 3",
                "  -- Next Version:    Already at latest version",
                "  -- Executed Files:  2",
                "  -- Pending Files:   0");

        MigrationDirs.write(dir, "2_b.sql", "CREATE TABLE b (id int);\n");
        StatusReport late = new StatusReader(connector).read(MigrationDirectory.load(dir), ExecOrder.LINEAR);
        assertThat(StatusFormatter.lines(late)).contains("  -- Pending Files:   1 (out of order)",
                "  ERROR: migration file 2_b.sql was added out of order. See:"
                        + " https://atlasgo.io/versioned/apply#non-linear-error");
        assertThat(late.isUpToDate()).isFalse();
    }

    @Test
    void showsEveryAppliedFileWhoseHashChangedAndTheGateFailsOnThem() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        DatabaseConnector connector = connector(db);
        MigrationDirs.write(dir, "1_a.sql", "CREATE TABLE a (id int);\n", "2_b.sql", "CREATE TABLE b (id int);\n",
                "3_c.sql", "CREATE TABLE c (id int);\n");
        new Applier(connector, new RecordingOutput()).apply(MigrationDirectory.load(dir), ApplyOptions.defaults());
        String ranAs2 = Sql.one(db, "SELECT hash FROM atlas_schema_revisions.atlas_schema_revisions WHERE version = '2'");
        String ranAs3 = Sql.one(db, "SELECT hash FROM atlas_schema_revisions.atlas_schema_revisions WHERE version = '3'");
        MigrationDirectory edited = MigrationDirs.edit(dir, "2_b.sql", "CREATE TABLE b (id bigint);\n");
        String now2 = SumFile.compute(edited.files()).hashOf("2_b.sql").orElseThrow();
        String now3 = SumFile.compute(edited.files()).hashOf("3_c.sql").orElseThrow();

        StatusReport report = new StatusReader(connector).read(edited, ExecOrder.LINEAR);

        assertThat(report.isUpToDate()).isTrue();
        assertThat(report.changed()).extracting(StatusReport.ChangedFile::name).containsExactly("2_b.sql", "3_c.sql");
        List<String> lines = StatusFormatter.lines(report);
        assertThat(lines.get(0)).isEqualTo("Migration Status: CHANGED");
        assertThat(lines).containsSubsequence(
                "Applied files changed since they ran: 2",
                "  -- 2_b.sql: ran as h1:" + ranAs2 + ", now h1:" + now2,
                "  -- 3_c.sql: ran as h1:" + ranAs3 + ", now h1:" + now3,
                "  atlas.sum chains its hashes: after the first edited file every later one differs too.",
                "  Restore them, or record the current hashes with mvn pgmigrate:repair.");
        assertThat(lines).anyMatch(l -> l.matches("  2 +b +applied \\(file changed\\) .*"))
                .noneMatch(l -> l.matches("  1 +a +applied \\(file changed\\).*"));
        assertThat(report.gateFailure()).hasValueSatisfying(message -> assertThat(message)
                .startsWith("2 applied migration file(s) changed since they ran (2_b.sql, 3_c.sql)")
                .contains("mvn pgmigrate:repair"));

        JsonNode json = StatusJson.toJson(report);
        assertThat(json.get("status").asText()).isEqualTo("CHANGED");
        assertThat(json.get("currentVersion").asText()).isEqualTo("3");
        assertThat(json.get("nextVersion").isNull()).isTrue();
        assertThat(json.get("changedFiles").findValuesAsText("file")).containsExactly("2_b.sql", "3_c.sql");
        assertThat(json.get("changedFiles").get(0).get("appliedHash").asText()).isEqualTo("h1:" + ranAs2);
        assertThat(json.get("changedFiles").get(0).get("currentHash").asText()).isEqualTo("h1:" + now2);
        assertThat(json.get("migrations").findValuesAsText("state"))
                .containsExactly("applied", "applied (file changed)", "applied (file changed)");
    }
}
