package io.github.pgmigrate.apply;

import static io.github.pgmigrate.apply.ApplyTestSupport.apply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.checksum.SumFile;
import io.github.pgmigrate.config.ConfigurationException;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.directory.TxMode;
import io.github.pgmigrate.history.ExecOrder;
import io.github.pgmigrate.history.PendingFiles;
import io.github.pgmigrate.testing.MigrationDirs;
import io.github.pgmigrate.testing.RecordingOutput;
import io.github.pgmigrate.testing.Sql;
import io.github.pgmigrate.testing.TestDatabase;
import io.github.pgmigrate.testing.TestDatabases;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplierTest {
    private static final String REVISIONS = "atlas_schema_revisions.atlas_schema_revisions";

    @TempDir
    Path dir;

    private MigrationDirectory threeFiles() {
        return MigrationDirs.write(dir,
                "20240101000000_users.sql", "CREATE TABLE users (id bigint PRIMARY KEY, email text);\n",
                "20240102000000_pets.sql", "CREATE TABLE pets (id bigint PRIMARY KEY, owner bigint REFERENCES users);\n"
                        + "CREATE INDEX pets_owner ON pets (owner);\n",
                "20240103000000_seed.sql", "INSERT INTO users VALUES (1, 'a@example.com');\n"
                        + "DO $$ BEGIN RAISE NOTICE 'seeded % user', 1; END $$;\n");
    }

    @Test
    void appliesEveryFileAndRecordsRevisionsAsAtlasDoes() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        MigrationDirectory migrations = threeFiles();
        RecordingOutput out = new RecordingOutput();

        ApplyResult result = apply(db, migrations, ApplyOptions.defaults(), out);

        assertThat(result.applied()).extracting(ApplyResult.AppliedFile::name).containsExactly(
                "20240101000000_users.sql", "20240102000000_pets.sql", "20240103000000_seed.sql");
        assertThat(result.statements()).isEqualTo(5);
        assertThat(Sql.one(db, "SELECT count(*) FROM pets")).isEqualTo("0");
        assertThat(Sql.one(db, "SELECT email FROM users")).isEqualTo("a@example.com");
        SumFile sum = SumFile.compute(migrations.files());
        assertThat(Sql.rows(db, "SELECT version, description, type, applied, total, error, error_stmt, hash,"
                + " partial_hashes::text, operator_version FROM " + REVISIONS + " ORDER BY version")).containsExactly(
                "20240101000000|users|2|1|1|||" + sum.hashOf("20240101000000_users.sql").orElseThrow()
                        + "|null|pgmigrate - development",
                "20240102000000|pets|2|2|2|||" + sum.hashOf("20240102000000_pets.sql").orElseThrow()
                        + "|null|pgmigrate - development",
                "20240103000000|seed|2|2|2|||" + sum.hashOf("20240103000000_seed.sql").orElseThrow()
                        + "|null|pgmigrate - development");
        assertThat(Sql.one(db, "SELECT bool_and(execution_time >= 0 AND executed_at <= now()) FROM " + REVISIONS))
                .isEqualTo("t");
        assertThat(out.lines()).contains("Migrating to version 20240103000000 (3 migrations in total)");
        assertThat(out.lines()).anyMatch(l -> l.matches("\\[2/3] 20240102000000_pets\\.sql {2}2 statements {2}\\d+ ms"));
        assertThat(out.lines()).anyMatch(l -> l.startsWith("Applied 3 migrations (5 statements) in "));
        assertThat(out.lines()).contains("    20240103000000_seed.sql: seeded 1 user");
        java.io.StringWriter text = new java.io.StringWriter();
        try (var generator = new com.fasterxml.jackson.core.JsonFactory().createGenerator(text)) {
            ApplyJson.write(result, generator);
        }
        JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(text.toString());
        assertThat(json.get("dryRun").asBoolean()).isFalse();
        assertThat(json.get("fromVersion").isNull()).isTrue();
        assertThat(json.get("toVersion").asText()).isEqualTo("20240103000000");
        assertThat(json.get("statements").asInt()).isEqualTo(5);
        assertThat(json.get("files").findValuesAsText("name")).containsExactly(
                "20240101000000_users.sql", "20240102000000_pets.sql", "20240103000000_seed.sql");
        assertThat(json.get("files").findValuesAsText("statements")).containsExactly("1", "2", "2");

        RecordingOutput again = new RecordingOutput();
        assertThat(apply(db, migrations, ApplyOptions.defaults(), again).nothingPending()).isTrue();
        assertThat(again.lines()).contains("No migration files to execute");
    }

    @Test
    void createsTheRevisionsTableWithAtlasColumns() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        apply(db, threeFiles(), ApplyOptions.defaults());
        assertThat(Sql.rows(db, "SELECT column_name, data_type, is_nullable, coalesce(column_default, '')"
                + " FROM information_schema.columns WHERE table_schema = 'atlas_schema_revisions'"
                + " AND table_name = 'atlas_schema_revisions' ORDER BY ordinal_position")).containsExactly(
                "version|character varying|NO|",
                "description|character varying|NO|",
                "type|bigint|NO|2",
                "applied|bigint|NO|0",
                "total|bigint|NO|0",
                "executed_at|timestamp with time zone|NO|",
                "execution_time|bigint|NO|",
                "error|text|YES|",
                "error_stmt|text|YES|",
                "hash|character varying|NO|",
                "partial_hashes|jsonb|YES|",
                "operator_version|character varying|NO|");
        assertThat(Sql.one(db, "SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid"
                + " AND a.attnum = ANY (i.indkey) WHERE i.indrelid = '" + REVISIONS + "'::regclass AND i.indisprimary"))
                .isEqualTo("version");
    }

    @Test
    void revisionsGoToTheSchemaTheUrlBindsOrTheConfiguredOne() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        Sql.exec(db, "CREATE SCHEMA app");
        new Applier(ApplyTestSupport.connector(db.environment(db.urlWith("currentSchema", "app"), null)),
                new RecordingOutput()).apply(threeFiles(), ApplyOptions.defaults());
        assertThat(Sql.one(db, "SELECT count(*) FROM app.atlas_schema_revisions")).isEqualTo("3");
        assertThat(Sql.one(db, "SELECT count(*) FROM pg_namespace WHERE nspname = 'atlas_schema_revisions'"))
                .isEqualTo("0");

        TestDatabase other = TestDatabases.createDatabase();
        new Applier(ApplyTestSupport.connector(other.environment(other.jdbcUrl(), "ops")), new RecordingOutput())
                .apply(threeFiles(), ApplyOptions.defaults());
        assertThat(Sql.one(other, "SELECT count(*) FROM ops.atlas_schema_revisions")).isEqualTo("3");
    }

    @Test
    void failingTransactionalFileIsRolledBackAndNamesFileLineAndSqlstate() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        MigrationDirectory migrations = MigrationDirs.write(dir,
                "1_ok.sql", "CREATE TABLE a (id int);\n",
                "2_bad.sql", "CREATE TABLE b (id int);\n\nINSERT INTO b\n  SELECT id FROM missing;\n",
                "3_later.sql", "CREATE TABLE c (id int);\n");

        assertThatThrownBy(() -> apply(db, migrations, ApplyOptions.defaults()))
                .isInstanceOfSatisfying(MigrationFailedException.class, e -> {
                    assertThat(e.file()).isEqualTo("2_bad.sql");
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.sqlState()).isEqualTo("42P01");
                    assertThat(e.getMessage())
                            .startsWith("2_bad.sql:4: statement 2 of 2 failed: relation \"missing\" does not exist"
                                    + " (SQLSTATE 42P01)")
                            .contains("INSERT INTO b SELECT id FROM missing;")
                            .contains("rolled back");
                });
        assertThat(Sql.rows(db, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"))
                .containsExactly("a");
        assertThat(Sql.rows(db, "SELECT version FROM " + REVISIONS)).containsExactly("1");
    }

    @Test
    void txModeAllRollsBackEveryFileOfTheRun() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        MigrationDirectory migrations = MigrationDirs.write(dir,
                "1_a.sql", "CREATE TABLE a (id int);\n",
                "2_b.sql", "CREATE TABLE b (id int);\n",
                "3_bad.sql", "THIS IS A FAILING STATEMENT;\n");
        assertThatThrownBy(() -> apply(db, migrations, ApplyOptions.builder().txMode(TxMode.ALL).build()))
                .isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("3_bad.sql:1: statement 1 of 1 failed: syntax error at or near \"THIS\"")
                .hasMessageContaining("every file of this run was rolled back");
        assertThat(Sql.rows(db, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).isEmpty();
        assertThat(Sql.rows(db, "SELECT version FROM " + REVISIONS)).isEmpty();
    }

    @Test
    void txModeNoneKeepsProgressAndResumesAtTheFailedStatement() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        MigrationDirectory migrations = MigrationDirs.write(dir,
                "1_log.sql", "-- atlas:txmode none\n\nCREATE TABLE log (n int);\nINSERT INTO log VALUES (1);\n"
                        + "INSERT INTO log SELECT n FROM nowhere;\nINSERT INTO log VALUES (3);\n");

        assertThatThrownBy(() -> apply(db, migrations, ApplyOptions.defaults()))
                .isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("1_log.sql:5: statement 3 of 4 failed")
                .hasMessageContaining("resume");
        assertThat(Sql.one(db, "SELECT applied, total, error, error_stmt, jsonb_array_length(partial_hashes)"
                + " FROM " + REVISIONS)).isEqualTo(
                "2|4|relation \"nowhere\" does not exist|INSERT INTO log SELECT n FROM nowhere;|2");

        MigrationDirs.edit(dir, "1_log.sql", "-- atlas:txmode none\n\nCREATE TABLE log (n int);\n"
                + "INSERT INTO log VALUES (1);\nINSERT INTO log VALUES (2);\nINSERT INTO log VALUES (3);\n");
        RecordingOutput out = new RecordingOutput();
        apply(db, MigrationDirs.rehash(dir), ApplyOptions.defaults(), out);

        assertThat(Sql.rows(db, "SELECT n FROM log ORDER BY n")).containsExactly("1", "2", "3");
        assertThat(Sql.one(db, "SELECT applied, total, error, error_stmt, partial_hashes::text FROM " + REVISIONS))
                .isEqualTo("4|4|||null");
        assertThat(out.text()).contains("(resumed at statement 3)");
        assertThat(out.lines()).contains("Resuming 1_log.sql (an earlier run applied 2 of its 4 statements)"
                + " (1 migrations in total)");
        assertThat(out.lines()).anyMatch(l -> l.matches(
                "Applied 1 migration \\(2 statements\\) in \\d+ ms; now at version 1 \\(1 was partially applied\\)"));
        assertThat(out.text()).doesNotContain("from 1").doesNotContain("(was 1)");
    }

    @Test
    void resumeRefusesAFileWhoseAppliedStatementsChanged() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        MigrationDirs.write(dir, "1_log.sql", "-- atlas:txmode none\n\nCREATE TABLE log (n int);\n"
                + "INSERT INTO log SELECT n FROM nowhere;\n");
        assertThatThrownBy(() -> apply(db, MigrationDirectory.load(dir), ApplyOptions.defaults()))
                .isInstanceOf(MigrationFailedException.class);
        MigrationDirs.edit(dir, "1_log.sql", "-- atlas:txmode none\n\nCREATE TABLE log (n bigint);\n"
                + "INSERT INTO log VALUES (1);\n");
        assertThatThrownBy(() -> apply(db, MigrationDirs.rehash(dir), ApplyOptions.defaults()))
                .isInstanceOf(PgMigrateException.class)
                .hasMessage("history changed: statement 1 from file \"1_log.sql\" changed");
        assertThat(Sql.one(db, "SELECT applied FROM " + REVISIONS)).isEqualTo("1");
    }

    @Test
    void concurrentIndexRunsInANonTransactionalFile() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        MigrationDirectory migrations = MigrationDirs.write(dir,
                "1_t.sql", "CREATE TABLE t (id int);\nINSERT INTO t SELECT generate_series(1, 1000);\n",
                "2_idx.sql", "-- atlas:txmode none\n\nCREATE INDEX CONCURRENTLY t_id ON t (id);\n"
                        + "DROP INDEX CONCURRENTLY t_id;\nCREATE UNIQUE INDEX CONCURRENTLY t_id_u ON t (id);\n");
        apply(db, migrations, ApplyOptions.defaults());
        assertThat(Sql.one(db, "SELECT indisvalid FROM pg_index WHERE indexrelid = 't_id_u'::regclass"))
                .isEqualTo("t");
        assertThat(Sql.one(db, "SELECT applied || '/' || total FROM " + REVISIONS + " WHERE version = '2'"))
                .isEqualTo("3/3");
    }

    @Test
    void refusesANonTransactionalStatementInATransactionalFileBeforeRunningAnything() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        MigrationDirectory migrations = MigrationDirs.write(dir,
                "1_t.sql", "CREATE TABLE t (id int);\n",
                "2_idx.sql", "-- create the index\nCREATE INDEX CONCURRENTLY t_id ON t (id);\n");
        assertThatThrownBy(() -> apply(db, migrations, ApplyOptions.defaults()))
                .isInstanceOfSatisfying(PgMigrateException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("2_idx.sql:2: CREATE INDEX CONCURRENTLY cannot run inside a"
                            + " transaction, and this file runs in one (txMode file); nothing was applied");
                    assertThat(e.hint()).contains("\"-- atlas:txmode none\"").contains("blank line");
                });
        assertThat(Sql.rows(db, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).isEmpty();

        MigrationDirs.edit(dir, "2_idx.sql", "-- atlas:txmode none\nCREATE INDEX CONCURRENTLY t_id ON t (id);\n");
        assertThatThrownBy(() -> apply(db, MigrationDirs.rehash(dir), ApplyOptions.defaults()))
                .isInstanceOf(PgMigrateException.class)
                .hasMessageContaining("2_idx.sql:1")
                .hasMessageContaining("add an empty line after it");
    }

    @Test
    void appliedFileThatChangedIsAWarningOrUnderStrictAnError() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        threeFiles();
        apply(db, MigrationDirectory.load(dir), ApplyOptions.defaults());
        MigrationDirs.edit(dir, "20240102000000_pets.sql", "CREATE TABLE pets (id bigint PRIMARY KEY);\n");
        MigrationDirectory edited = MigrationDirs.rehash(dir);

        RecordingOutput out = new RecordingOutput();
        apply(db, edited, ApplyOptions.defaults(), out);
        assertThat(out.text()).contains("WARN applied migration 20240102000000_pets.sql has changed since it was"
                + " applied");

        assertThatThrownBy(() -> apply(db, edited, ApplyOptions.builder().strict(true).build()))
                .isInstanceOf(PgMigrateException.class)
                .hasMessageStartingWith("applied migration 20240102000000_pets.sql has changed");
    }

    @Test
    void aDirectoryThatDoesNotMatchItsSumTouchesNothing() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        threeFiles();
        MigrationDirectory edited = MigrationDirs.edit(dir, "20240103000000_seed.sql", "SELECT 1;\n");
        assertThatThrownBy(() -> apply(db, edited, ApplyOptions.defaults()))
                .isInstanceOf(PgMigrateException.class)
                .hasMessageStartingWith("the migration directory is not valid, nothing was applied")
                .hasMessageContaining("atlas.sum:4: 20240103000000_seed.sql was edited after atlas.sum was written");
        assertThat(Sql.one(db, "SELECT count(*) FROM pg_namespace WHERE nspname = 'atlas_schema_revisions'"))
                .isEqualTo("0");
    }

    @Test
    void dirtyDatabaseIsRefusedWithAtlasWordingAndSupabaseHint() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        Sql.exec(db, "CREATE SCHEMA auth", "CREATE TABLE auth.users (id uuid)", "CREATE SCHEMA storage",
                "DO $$ BEGIN CREATE ROLE supabase_admin; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
        assertThatThrownBy(() -> apply(db, threeFiles(), ApplyOptions.defaults()))
                .isInstanceOfSatisfying(PgMigrateException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("connected database is not clean: found schema \"auth\"."
                            + " baseline version or allow-dirty is required");
                    assertThat(e.hint()).contains("Supabase").contains("auth, storage are schemas Supabase manages")
                            .contains("supabase_admin").contains("allowDirty")
                            .contains("baseline");
                });
        // The refused run left the database as it was: not even the revisions schema was created.
        assertThat(Sql.one(db, "SELECT count(*) FROM pg_namespace WHERE nspname = 'atlas_schema_revisions'"))
                .isEqualTo("0");

        apply(db, MigrationDirectory.load(dir), ApplyOptions.builder().allowDirty(true).build());
        assertThat(Sql.one(db, "SELECT count(*) FROM " + REVISIONS)).isEqualTo("3");
    }

    @Test
    void cleanCheckFollowsAtlasRules() throws Exception {
        TestDatabase emptyRevisionsSchema = TestDatabases.createDatabase();
        Sql.exec(emptyRevisionsSchema, "CREATE SCHEMA atlas_schema_revisions");
        apply(emptyRevisionsSchema, threeFiles(), ApplyOptions.defaults());
        assertThat(Sql.one(emptyRevisionsSchema, "SELECT count(*) FROM " + REVISIONS)).isEqualTo("3");

        TestDatabase db = TestDatabases.createDatabase();
        Sql.exec(db, "CREATE TABLE public.existing (id int)");
        assertThatThrownBy(() -> apply(db, threeFiles(), ApplyOptions.defaults()))
                .hasMessage("connected database is not clean: found schema \"public\". baseline version or"
                        + " allow-dirty is required");

        TestDatabase bound = TestDatabases.createDatabase();
        Sql.exec(bound, "CREATE SCHEMA auth", "CREATE TABLE auth.users (id uuid)");
        new Applier(ApplyTestSupport.connector(bound.environment(bound.urlWith("currentSchema", "public"), null)),
                new RecordingOutput()).apply(MigrationDirectory.load(dir), ApplyOptions.defaults());
        assertThat(Sql.one(bound, "SELECT count(*) FROM public.atlas_schema_revisions")).isEqualTo("3");

        TestDatabase boundDirty = TestDatabases.createDatabase();
        Sql.exec(boundDirty, "CREATE TABLE public.existing (id int)");
        assertThatThrownBy(() -> new Applier(ApplyTestSupport.connector(
                boundDirty.environment(boundDirty.urlWith("currentSchema", "public"), null)), new RecordingOutput())
                .apply(MigrationDirectory.load(dir), ApplyOptions.defaults()))
                // Atlas creates its table before the check and then names it; pgmigrate creates nothing before the
                // check, so the message names the table that really makes the schema dirty.
                .hasMessageStartingWith("connected database is not clean: found table \"existing\" in"
                        + " schema \"public\"");
        assertThat(Sql.one(boundDirty, "SELECT count(*) FROM pg_class WHERE relname = 'atlas_schema_revisions'"))
                .isEqualTo("0");
    }

    @Test
    void baselineRecordsTheVersionAndAppliesWhatFollows() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        Sql.exec(db, "CREATE TABLE users (id bigint PRIMARY KEY, email text)");
        apply(db, threeFiles(), ApplyOptions.builder().baseline("20240101000000").build());
        assertThat(Sql.rows(db, "SELECT version, type, applied, total, hash FROM " + REVISIONS + " ORDER BY version"))
                .containsExactly("20240101000000|1|0|0|", "20240102000000|2|2|2|"
                        + SumFile.compute(MigrationDirectory.load(dir).files()).hashOf("20240102000000_pets.sql")
                        .orElseThrow(), "20240103000000|2|2|2|"
                        + SumFile.compute(MigrationDirectory.load(dir).files()).hashOf("20240103000000_seed.sql")
                        .orElseThrow());

        assertThatThrownBy(() -> apply(TestDatabases.createDatabase(), MigrationDirectory.load(dir),
                ApplyOptions.builder().baseline("20240101000000").allowDirty(true).build()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("baseline and allow-dirty are mutually exclusive");
        assertThatThrownBy(() -> apply(TestDatabases.createDatabase(), MigrationDirectory.load(dir),
                ApplyOptions.builder().baseline("2024").build()))
                .hasMessage("baseline version \"2024\" not found");
    }

    @Test
    void dryRunChangesNothingAtAll() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        Sql.exec(db, "CREATE TABLE users (id bigint PRIMARY KEY, email text)");
        MigrationDirectory migrations = threeFiles();
        List<String> before = Sql.catalogSnapshot(db);
        RecordingOutput out = new RecordingOutput();

        ApplyResult result = apply(db, migrations, ApplyOptions.builder().dryRun(true)
                .baseline("20240101000000").build(), out);

        assertThat(Sql.catalogSnapshot(db)).isEqualTo(before);
        assertThat(result.dryRun()).isTrue();
        assertThat(result.applied()).hasSize(2);
        assertThat(out.text()).contains("[dry run] would record 20240101000000_users.sql as the baseline")
                .contains("    CREATE TABLE pets (id bigint PRIMARY KEY, owner bigint REFERENCES users);")
                .contains("nothing was executed");

        apply(db, migrations, ApplyOptions.builder().baseline("20240101000000").build());
        List<String> applied = Sql.catalogSnapshot(db);
        MigrationDirs.write(dir, "20240104000000_more.sql", "CREATE TABLE more (id int);\n");
        apply(db, MigrationDirectory.load(dir), ApplyOptions.builder().dryRun(true).build());
        assertThat(Sql.catalogSnapshot(db)).isEqualTo(applied);
        assertThat(Sql.one(db, "SELECT count(*) FROM " + REVISIONS)).isEqualTo("3");
    }

    @Test
    void toVersionAndAmountLimitTheRun() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        MigrationDirectory migrations = threeFiles();
        apply(db, migrations, ApplyOptions.builder().amount(1).build());
        assertThat(Sql.rows(db, "SELECT version FROM " + REVISIONS)).containsExactly("20240101000000");
        apply(db, migrations, ApplyOptions.builder().toVersion("20240102000000").build());
        assertThat(Sql.rows(db, "SELECT version FROM " + REVISIONS + " ORDER BY 1"))
                .containsExactly("20240101000000", "20240102000000");
        assertThatThrownBy(() -> apply(db, migrations, ApplyOptions.builder().toVersion("2024010300000").build()))
                .hasMessage("migration with version \"2024010300000\" not found. Did you mean \"20240103000000\"?");
        assertThatThrownBy(() -> apply(db, migrations, ApplyOptions.builder().amount(-1).build()))
                .hasMessage("cannot apply '-1' migration files");
    }

    @Test
    void filesAddedOutOfOrderAreRefusedSkippedOrAppliedFirst() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        MigrationDirs.write(dir, "1_a.sql", "CREATE TABLE a (id int);\n", "3_c.sql", "CREATE TABLE c (id int);\n");
        apply(db, MigrationDirectory.load(dir), ApplyOptions.defaults());
        MigrationDirectory late = MigrationDirs.write(dir, "2_b.sql", "CREATE TABLE b (id int);\n",
                "4_d.sql", "CREATE TABLE d (id int);\n");

        assertThatThrownBy(() -> apply(db, late, ApplyOptions.defaults()))
                .isInstanceOf(PendingFiles.OutOfOrderException.class)
                .hasMessage("migration file 2_b.sql was added out of order. See:"
                        + " https://atlasgo.io/versioned/apply#non-linear-error");
        apply(db, late, ApplyOptions.builder().execOrder(ExecOrder.LINEAR_SKIP).build());
        assertThat(Sql.rows(db, "SELECT version FROM " + REVISIONS + " ORDER BY 1")).containsExactly("1", "3", "4");
        apply(db, late, ApplyOptions.builder().execOrder(ExecOrder.NON_LINEAR).build());
        assertThat(Sql.rows(db, "SELECT version FROM " + REVISIONS + " ORDER BY 1"))
                .containsExactly("1", "2", "3", "4");
    }

    @Test
    void aFreshDatabaseStartsAtTheLastCheckpoint() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        MigrationDirectory migrations = MigrationDirs.write(dir,
                "1_a.sql", "CREATE TABLE a (id int);\n",
                "2_b.sql", "CREATE TABLE b (id int);\n",
                "3_checkpoint.sql", "-- atlas:checkpoint\n\nCREATE TABLE a (id int);\nCREATE TABLE b (id int);\n",
                "4_c.sql", "CREATE TABLE c (id int);\n");
        apply(db, migrations, ApplyOptions.defaults());
        assertThat(Sql.rows(db, "SELECT version FROM " + REVISIONS + " ORDER BY 1")).containsExactly("3", "4");
        assertThat(Sql.rows(db, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"))
                .containsExactly("a", "b", "c");
    }

    @Test
    void ambiguousRevisionSchemaIsRefused() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        apply(db, threeFiles(), ApplyOptions.defaults());
        assertThatThrownBy(() -> new Applier(ApplyTestSupport.connector(
                db.environment(db.urlWith("currentSchema", "public"), null)), new RecordingOutput())
                .apply(MigrationDirectory.load(dir), ApplyOptions.defaults()))
                .isInstanceOfSatisfying(PgMigrateException.class, e -> {
                    assertThat(e.getMessage()).contains("We couldn't find a revision table in the connected schema"
                            + " but found one in \nthe schema 'atlas_schema_revisions'");
                    assertThat(e.hint()).contains("revisionsSchema");
                });
    }
}
