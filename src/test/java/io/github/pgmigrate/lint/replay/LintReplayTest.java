package io.github.pgmigrate.lint.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgmigrate.config.ConnectionSettings;
import io.github.pgmigrate.config.Environment;
import io.github.pgmigrate.devdb.DevServer;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.lint.Finding;
import io.github.pgmigrate.lint.FindingSeverity;
import io.github.pgmigrate.lint.LintOptions;
import io.github.pgmigrate.lint.LintResult;
import io.github.pgmigrate.lint.LintRun;
import io.github.pgmigrate.lint.LintScope;
import io.github.pgmigrate.lint.Rule;
import io.github.pgmigrate.testing.MigrationDirs;
import io.github.pgmigrate.testing.RecordingOutput;
import io.github.pgmigrate.testing.TestDatabases;
import io.github.pgmigrate.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lint replay on real PostgreSQL 13 and 18: each measured property (a rewrite through relfilenode, an ACCESS EXCLUSIVE
 * lock through pg_locks, a write-blocking index build), a static claim the measurement disproves, and a statement
 * that fails on the dev database.
 */
class LintReplayTest {
    private static final String USERS = "CREATE TABLE users (id int PRIMARY KEY, name varchar(50), note text);\n"
            + "INSERT INTO users SELECT g, 'n' || g FROM generate_series(1, 3) g;\n"
            + "CREATE DOMAIN label AS text;\n"
            + "CREATE FUNCTION lock_users() RETURNS void LANGUAGE plpgsql AS $$ BEGIN\n"
            + "  LOCK TABLE users IN ACCESS EXCLUSIVE MODE;\nEND $$;\n";
    private static final String TIMEOUTS = "SET lock_timeout = '1s';\nSET statement_timeout = '10s';\n";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "PostgreSQL {0}")
    @ValueSource(ints = {13, 18})
    void rewritesAndLocksAreMeasuredAndRefineTheStaticFindings(int major) throws Exception {
        MigrationDirectory directory = MigrationDirs.write(dir.resolve("migrations"), "1_users.sql", USERS, "2_changes.sql", TIMEOUTS
                + "ALTER TABLE users ALTER COLUMN id TYPE bigint;\n"           // line 3: rewrite, as the rule says
                + "ALTER TABLE users ALTER COLUMN note TYPE label;\n"          // line 4: a domain over text, no rewrite
                + "SELECT lock_users();\n"                                   // line 5: a lock no rule predicts
                + "ALTER TABLE users ADD COLUMN extra text;\n"                // line 6: predicted, brief: nothing new
                + "CREATE INDEX users_name ON users (name);\n");             // line 7: blocks writes, as the rule says

        List<Finding> findings = lint(directory, major).findings();

        Finding rewrite = at(findings, 3, Rule.CHANGING_COLUMN_TYPE);
        assertThat(rewrite.severity()).isEqualTo(FindingSeverity.ERROR);
        assertThat(rewrite.measured()).isEqualTo("ACCESS EXCLUSIVE on public.users (3 rows); public.users rewritten");
        assertThat(rewrite.logLine()).endsWith("[measured: ACCESS EXCLUSIVE on public.users (3 rows);"
                + " public.users rewritten]");

        Finding domain = at(findings, 4, Rule.CHANGING_COLUMN_TYPE);
        assertThat(domain.severity()).as("downgraded: no rewrite measured").isEqualTo(FindingSeverity.WARNING);
        assertThat(domain.measured()).isEqualTo("ACCESS EXCLUSIVE on public.users (3 rows); no table rewritten");
        assertThat(domain.message()).contains("Measured on PostgreSQL " + major + ": the table was not rewritten");

        Finding function = at(findings, 5, Rule.MEASURED_ACCESS_EXCLUSIVE_LOCK);
        assertThat(function.severity()).isEqualTo(FindingSeverity.WARNING);
        assertThat(function.message()).contains("ACCESS EXCLUSIVE on public.users, which no static rule predicts");
        assertThat(List.of(function.column(), function.endLine(), function.endColumn()))
                .as("the whole statement").containsExactly(1, 5, 21);

        assertThat(findings).noneMatch(f -> f.line() == 6);
        assertThat(findings).filteredOn(f -> f.rule() == Rule.MULTIPLE_ALTER_TABLE_SAME_TABLE)
                .as("not a claim about the statement's own lock").allMatch(f -> f.measured() == null);

        Finding index = at(findings, 7, Rule.REQUIRE_CONCURRENT_INDEX_CREATION);
        assertThat(index.measured()).isEqualTo("SHARE on public.users (3 rows); no table rewritten");
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @ValueSource(ints = {13, 18})
    void functionsThatRewriteOrBlockWritesAreMeasured(int major) throws Exception {
        MigrationDirectory directory = MigrationDirs.write(dir.resolve("migrations"), "1_users.sql", USERS
                        + "CREATE FUNCTION widen_users() RETURNS void LANGUAGE plpgsql AS $$ BEGIN\n"
                        + "  ALTER TABLE users ALTER COLUMN id TYPE bigint;\nEND $$;\n"
                        + "CREATE FUNCTION index_users() RETURNS void LANGUAGE plpgsql AS $$ BEGIN\n"
                        + "  CREATE INDEX users_name ON users (name);\nEND $$;\n",
                "2_call.sql", TIMEOUTS + "SELECT widen_users();\nSELECT index_users();\n"
                        + "-- pgmigrate:ignore measured-access-exclusive-lock -- reviewed: the table is tiny\n"
                        + "SELECT lock_users();\n");
        List<Finding> findings = lint(directory, major).findings();

        assertThat(findings).as("suppressed at statement level, and not reported as an unused suppression")
                .noneMatch(f -> f.line() >= 5);
        Finding index = at(findings, 4, Rule.MEASURED_WRITE_BLOCKING_LOCK);
        assertThat(index.message()).contains("SHARE on public.users, which blocks writes");
        Finding rewrite = at(findings, 3, Rule.MEASURED_TABLE_REWRITE);

        assertThat(rewrite.severity()).isEqualTo(FindingSeverity.ERROR);
        assertThat(rewrite.message()).contains("rewrote public.users under ACCESS EXCLUSIVE");
        assertThat(rewrite.measured()).endsWith("public.users rewritten");
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @ValueSource(ints = {13, 18})
    void aSeedMakesTheRowsVisibleAndAStatementThatFailsNamesItsLine(int major) throws Exception {
        MigrationDirectory directory = MigrationDirs.write(dir.resolve("migrations"), "1_users.sql", USERS,
                "2_bad.sql", TIMEOUTS + "ALTER TABLE users ADD COLUMN extra text;\nALTER TABLE nobody ADD COLUMN x int;\n");
        Path seed = Files.writeString(dir.resolve("seed.sql"), "INSERT INTO users SELECT g FROM generate_series(4, 10) g;\n");

        Finding fails = at(LintRun.run(directory, new LintScope.Latest(1), LintOptions.defaults(), Path::toString,
                new LintReplay.Request(devServer(major), seed)).findings(), 4, Rule.REPLAY_STATEMENT_FAILS);
        assertThat(fails.severity()).isEqualTo(FindingSeverity.ERROR);
        assertThat(fails.message()).contains("relation \"nobody\" does not exist");

        MigrationDirs.edit(dir.resolve("migrations"), "2_bad.sql", TIMEOUTS + "ALTER TABLE users ALTER COLUMN id TYPE bigint;\n");
        MigrationDirectory fixed = MigrationDirs.rehash(dir.resolve("migrations"));
        Finding rewrite = at(LintRun.run(fixed, new LintScope.Latest(1), LintOptions.defaults(), Path::toString,
                new LintReplay.Request(devServer(major), seed)).findings(), 3, Rule.CHANGING_COLUMN_TYPE);
        assertThat(rewrite.measured()).startsWith("ACCESS EXCLUSIVE on public.users (10 rows)");
    }

    @ParameterizedTest(name = "PostgreSQL {0}")
    @ValueSource(ints = {13, 18})
    void schemaAwareFindingsFromTheReplayedSchemaAndData(int major) throws Exception {
        MigrationDirectory directory = MigrationDirs.write(dir.resolve("migrations"), "1_users.sql", USERS
                        + "CREATE TABLE orgs (id int PRIMARY KEY);\nCREATE VIEW user_notes AS SELECT id, note FROM users;\n"
                        + "CREATE FUNCTION note_of(p int) RETURNS text LANGUAGE plpgsql AS $$\n"
                        + "BEGIN RETURN (SELECT NOTE FROM users WHERE id = p); END $$;\n",
                "2_keys.sql", TIMEOUTS
                        + "ALTER TABLE users ADD COLUMN org_id int REFERENCES orgs;\n"               // line 3: no index
                        + "ALTER TABLE users ADD COLUMN team_id int REFERENCES orgs;\n",             // line 4: indexed next
                "3_index.sql", "-- atlas:txmode none\n\nCREATE INDEX CONCURRENTLY users_team ON users (team_id);\n",
                "4_tighten.sql", TIMEOUTS + "ALTER TABLE users RENAME COLUMN note TO remark;\n"    // line 3: f() breaks
                        + "ALTER TABLE users ALTER COLUMN remark SET NOT NULL;\n");                      // line 4: NULLs
        List<Finding> findings = LintRun.run(directory, new LintScope.Latest(3), LintOptions.defaults(),
                Path::toString, new LintReplay.Request(devServer(major), null)).findings();

        Finding unindexed = findings.stream().filter(f -> f.rule() == Rule.FOREIGN_KEY_WITHOUT_INDEX).findFirst()
                .orElseThrow();
        assertThat(unindexed.file()).endsWith("2_keys.sql");
        assertThat(unindexed.line()).isEqualTo(3);
        assertThat(unindexed.message()).contains("on public.users (org_id)").contains("on public.orgs scans");
        assertThat(findings).filteredOn(f -> f.rule() == Rule.FOREIGN_KEY_WITHOUT_INDEX).hasSize(1);
        Finding nulls = findings.stream().filter(f -> f.rule() == Rule.REPLAY_STATEMENT_FAILS).findFirst()
                .orElseThrow();
        assertThat(nulls.file()).endsWith("4_tighten.sql");
        assertThat(nulls.message()).contains("contains null values");
        assertThat(nulls.line()).isEqualTo(4);
        Finding rename = findings.stream().filter(f -> f.rule() == Rule.RENAME_BREAKS_ROUTINE).findFirst()
                .orElseThrow();
        assertThat(rename.line()).isEqualTo(3);
        assertThat(rename.message()).contains("public.note_of(p integer)");
    }

    private static LintResult lint(MigrationDirectory directory, int major) throws Exception {
        return LintRun.run(directory, new LintScope.Latest(1), LintOptions.defaults(), Path::toString,
                new LintReplay.Request(devServer(major), null));
    }

    private static Finding at(List<Finding> findings, int line, Rule rule) {
        return findings.stream().filter(f -> f.line() == line && f.rule() == rule).findFirst()
                .orElseThrow(() -> new AssertionError("no " + rule.id() + " on line " + line + " in " + findings));
    }

    private static DevServer devServer(int major) throws Exception {
        TestServer server = TestDatabases.embeddedServer(major);
        return DevServer.external(ConnectionSettings.of(new Environment("dev",
                server.jdbcUrl(server.maintenanceDatabase()), server.user(), server.password(), null, null, null,
                Map.of(), true)), false, new RecordingOutput());
    }
}
