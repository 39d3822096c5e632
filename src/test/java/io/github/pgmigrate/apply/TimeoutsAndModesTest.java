package io.github.pgmigrate.apply;

import static io.github.pgmigrate.apply.ApplyTestSupport.apply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.config.ConnectionSettings;
import io.github.pgmigrate.config.Environment;
import io.github.pgmigrate.database.DatabaseConnector;
import io.github.pgmigrate.database.DatabaseUnavailableException;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.directory.TxMode;
import io.github.pgmigrate.testing.MigrationDirs;
import io.github.pgmigrate.testing.RecordingOutput;
import io.github.pgmigrate.testing.Sql;
import io.github.pgmigrate.testing.TestDatabase;
import io.github.pgmigrate.testing.TestDatabases;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimeoutsAndModesTest {

    @TempDir
    Path dir;

    @Test
    void lockTimeoutStopsAMigrationWaitingBehindAnotherSession() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        Sql.exec(db, "CREATE TABLE busy (id int)");
        MigrationDirectory migrations = MigrationDirs.write(dir, "1_alter.sql", "ALTER TABLE busy ADD COLUMN x int;\n");
        try (Connection other = db.connect()) {
            other.setAutoCommit(false);
            other.createStatement().execute("LOCK TABLE busy IN ACCESS SHARE MODE");
            assertThatThrownBy(() -> apply(db, migrations, ApplyOptions.builder().allowDirty(true)
                    .lockTimeout(Duration.ofMillis(300)).build()))
                    .isInstanceOfSatisfying(MigrationFailedException.class, e -> {
                        assertThat(e.sqlState()).isEqualTo("55P03");
                        assertThat(e.hint()).contains("lockTimeout");
                    });
            other.rollback();
        }
        apply(db, migrations, ApplyOptions.builder().allowDirty(true).build());
        assertThat(Sql.one(db, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'busy'"))
                .isEqualTo("2");
    }

    @Test
    void statementTimeoutAppliesPerMigrationAndDoesNotLeak() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        MigrationDirectory migrations = MigrationDirs.write(dir, "1_slow.sql", "SELECT pg_sleep(2);\n");
        assertThatThrownBy(() -> apply(db, migrations, ApplyOptions.builder()
                .statementTimeout(Duration.ofMillis(200)).build()))
                .isInstanceOfSatisfying(MigrationFailedException.class, e -> {
                    assertThat(e.sqlState()).isEqualTo("57014");
                    assertThat(e.hint()).contains("statementTimeout");
                });
    }

    @Test
    void simpleQueryModeAndPoolerModeKeepStatementPositions() throws Exception {
        for (String parameter : new String[] {"preferQueryMode=simple", "pgbouncer=true"}) {
            TestDatabase db = TestDatabases.createDatabase();
            Path files = dir.resolve(parameter.replace('=', '_'));
            MigrationDirectory migrations = MigrationDirs.write(files, "1_a.sql", "CREATE TABLE a (id int);\n",
                    "2_b.sql", "CREATE TABLE b (id int);\nINSERT INTO b VALUES ('x');\n",
                    "3_c.sql", "-- atlas:txmode none\n\nCREATE INDEX CONCURRENTLY a_id ON a (id);\n");
            String[] pair = parameter.split("=");
            DatabaseConnector connector = ApplyTestSupport.connector(db.environment(db.urlWith(pair[0], pair[1]),
                    null));
            assertThatThrownBy(() -> new Applier(connector, new RecordingOutput()).apply(migrations,
                    ApplyOptions.defaults()))
                    .as(parameter)
                    .isInstanceOf(MigrationFailedException.class)
                    .hasMessageStartingWith("2_b.sql:2: statement 2 of 2 failed: invalid input syntax for type"
                            + " integer");
            assertThat(Sql.rows(db, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).as(parameter)
                    .containsExactly("a");
            MigrationDirs.edit(files, "2_b.sql", "CREATE TABLE b (id int);\nINSERT INTO b VALUES (1);\n");
            new Applier(connector, new RecordingOutput()).apply(MigrationDirs.rehash(files), ApplyOptions.defaults());
            assertThat(Sql.rows(db, "SELECT version, applied, total FROM"
                    + " atlas_schema_revisions.atlas_schema_revisions ORDER BY 1")).as(parameter)
                    .containsExactly("1|1|1", "2|2|2", "3|1|1");
        }
    }

    @Test
    void txModeDirectivesAreCheckedAsAtlasChecksThem() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        MigrationDirectory all = MigrationDirs.write(dir.resolve("a"), "1_a.sql", "-- atlas:txmode all\n\nSELECT 1;\n");
        assertThatThrownBy(() -> apply(db, all, ApplyOptions.defaults()))
                .hasMessageContaining("1_a.sql:1: txmode \"all\" is not allowed");
        MigrationDirectory none = MigrationDirs.write(dir.resolve("b"), "1_a.sql",
                "-- atlas:txmode none\n\nSELECT 1;\n");
        assertThatThrownBy(() -> apply(db, none, ApplyOptions.builder().txMode(TxMode.ALL).build()))
                .hasMessage("cannot set txmode directive to \"none\" in \"1_a.sql\" when txmode \"all\" is set"
                        + " globally");
        MigrationDirectory vacuum = MigrationDirs.write(dir.resolve("c"), "1_a.sql", "CREATE TABLE t (id int);\n"
                + "VACUUM t;\n");
        assertThatThrownBy(() -> apply(db, vacuum, ApplyOptions.builder().txMode(TxMode.ALL).build()))
                .isInstanceOfSatisfying(PgMigrateException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("1_a.sql:2: VACUUM cannot run inside a transaction, and"
                            + " this file runs in one (txMode all); nothing was applied");
                    assertThat(e.hint()).contains("txMode=file");
                });
        apply(db, vacuum, ApplyOptions.builder().txMode(TxMode.NONE).build());
        assertThat(Sql.one(db, "SELECT applied FROM atlas_schema_revisions.atlas_schema_revisions"))
                .isEqualTo("2");
    }

    @Test
    void connectionFailuresExplainThemselvesWithoutThePassword() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        MigrationDirectory migrations = MigrationDirs.write(dir, "1_a.sql", "SELECT 1;\n");
        DatabaseConnector connector = DatabaseConnector.of(ConnectionSettings.of(new Environment("t",
                "postgres://app:Sup3r%2Fsecret@127.0.0.1:" + closedPort + "/db", null, null, null, null, null,
                Map.of(), true)));
        assertThatThrownBy(() -> new Applier(connector, new RecordingOutput()).apply(migrations,
                ApplyOptions.defaults()))
                .isInstanceOfSatisfying(DatabaseUnavailableException.class, e -> {
                    assertThat(e.describe()).doesNotContain("Sup3r").doesNotContain("secret")
                            .contains("postgres://app:****@127.0.0.1:" + closedPort + "/db")
                            .contains("nothing accepts connections at 127.0.0.1:" + closedPort);
                });

        TestDatabase db = TestDatabases.createDatabase();
        DatabaseConnector wrongDb = DatabaseConnector.of(ConnectionSettings.of(db.environment(
                db.jdbcUrl() + "_missing", null)));
        assertThatThrownBy(() -> new Applier(wrongDb, new RecordingOutput()).apply(migrations,
                ApplyOptions.defaults()))
                .isInstanceOfSatisfying(DatabaseUnavailableException.class, e -> assertThat(e.hint())
                        .contains("does not exist"));
    }
}
