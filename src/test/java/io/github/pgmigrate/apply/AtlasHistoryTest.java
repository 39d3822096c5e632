package io.github.pgmigrate.apply;

import static io.github.pgmigrate.apply.ApplyTestSupport.apply;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgmigrate.checksum.SumFile;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.testing.MigrationDirs;
import io.github.pgmigrate.testing.RecordingOutput;
import io.github.pgmigrate.testing.Sql;
import io.github.pgmigrate.testing.TestDatabase;
import io.github.pgmigrate.testing.TestDatabases;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database Atlas migrated, with rows built by hand exactly as Atlas writes them, continued by pgmigrate. */
class AtlasHistoryTest {

    @TempDir
    Path dir;

    @Test
    void continuesAnAtlasHistoryIncludingAPartiallyAppliedFile() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        MigrationDirectory migrations = MigrationDirs.write(dir,
                "20240101000000_users.sql", "CREATE TABLE users (id bigint PRIMARY KEY);\n",
                "20240102000000_log.sql", "-- atlas:txmode none\n\nCREATE TABLE log (n int);\n"
                        + "INSERT INTO log VALUES (1);\nINSERT INTO log VALUES (2);\n",
                "20240103000000_pets.sql", "CREATE TABLE pets (id bigint PRIMARY KEY);\n");
        SumFile sum = SumFile.compute(migrations.files());
        String firstStatementHash = "h1:" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest("CREATE TABLE log (n int);".getBytes(StandardCharsets.UTF_8)));

        // What Atlas leaves behind: the schema and table created through search_path, the first file applied,
        // the second failed after its first statement (txmode none), and Atlas Cloud's identifier row.
        Sql.exec(db,
                "CREATE TABLE users (id bigint PRIMARY KEY)",
                "CREATE TABLE log (n int)",
                "CREATE SCHEMA \"atlas_schema_revisions\"",
                "SET search_path = atlas_schema_revisions",
                "CREATE TABLE \"atlas_schema_revisions\" (\"version\" character varying NOT NULL, \"description\""
                        + " character varying NOT NULL, \"type\" bigint NOT NULL DEFAULT 2, \"applied\" bigint NOT NULL"
                        + " DEFAULT 0, \"total\" bigint NOT NULL DEFAULT 0, \"executed_at\" timestamptz NOT NULL,"
                        + " \"execution_time\" bigint NOT NULL, \"error\" text NULL, \"error_stmt\" text NULL,"
                        + " \"hash\" character varying NOT NULL, \"partial_hashes\" jsonb NULL, \"operator_version\""
                        + " character varying NOT NULL, PRIMARY KEY (\"version\"))",
                "INSERT INTO atlas_schema_revisions VALUES ('.atlas_cloud_identifier',"
                        + " 'a5e5c7a3-9a0e-4c5e-8d6b-000000000000', 2, 0, 0, now(), 0, '', '', '', 'null',"
                        + " 'Atlas CLI v0.38.0')",
                "INSERT INTO atlas_schema_revisions VALUES ('20240101000000', 'users', 2, 1, 1,"
                        + " '2024-01-01 10:00:00+00', 1533000, '', '', '"
                        + sum.hashOf("20240101000000_users.sql").orElseThrow() + "', 'null', 'Atlas CLI v0.38.0')",
                "INSERT INTO atlas_schema_revisions VALUES ('20240102000000', 'log', 2, 1, 3,"
                        + " '2024-01-02 10:00:00+00', 2100000, 'pq: duplicate key value violates unique constraint',"
                        + " 'INSERT INTO log VALUES (1);', '" + sum.hashOf("20240102000000_log.sql").orElseThrow()
                        + "', '[\"" + firstStatementHash + "\"]', 'Atlas CLI v0.38.0')");

        RecordingOutput out = new RecordingOutput();
        ApplyResult result = apply(db, migrations, ApplyOptions.defaults(), out);

        assertThat(result.applied()).extracting(ApplyResult.AppliedFile::name)
                .containsExactly("20240102000000_log.sql", "20240103000000_pets.sql");
        assertThat(out.text()).contains("[1/2] 20240102000000_log.sql  2 statements")
                .contains("(resumed at statement 2)");
        assertThat(Sql.rows(db, "SELECT n FROM log ORDER BY n")).containsExactly("1", "2");
        assertThat(Sql.rows(db, "SELECT version, type, applied, total, error, partial_hashes::text, operator_version,"
                + " executed_at = '2024-01-02 10:00:00+00' FROM atlas_schema_revisions.atlas_schema_revisions"
                + " ORDER BY version")).containsExactly(
                ".atlas_cloud_identifier|2|0|0||null|Atlas CLI v0.38.0|f",
                "20240101000000|2|1|1||null|Atlas CLI v0.38.0|f",
                "20240102000000|2|3|3||null|pgmigrate - development|t",
                "20240103000000|2|1|1||null|pgmigrate - development|f");
        assertThat(Sql.one(db, "SELECT count(*) FROM information_schema.columns WHERE table_schema ="
                + " 'atlas_schema_revisions'")).isEqualTo("12");
    }
}
