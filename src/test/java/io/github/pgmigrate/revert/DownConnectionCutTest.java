package io.github.pgmigrate.revert;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.apply.Applier;
import io.github.pgmigrate.apply.ApplyOptions;
import io.github.pgmigrate.config.ConnectionSettings;
import io.github.pgmigrate.config.Environment;
import io.github.pgmigrate.database.DatabaseConnector;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.faults.LoopbackProxy;
import io.github.pgmigrate.schema.inspect.InspectScope;
import io.github.pgmigrate.testing.MigrationDirs;
import io.github.pgmigrate.testing.RecordingOutput;
import io.github.pgmigrate.testing.Sql;
import io.github.pgmigrate.testing.TestDatabase;
import io.github.pgmigrate.testing.TestDatabases;
import io.github.pgmigrate.testing.TestDevServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connection cut while a revert runs on the target: the message says the outcome is unknown and where to look,
 * the history agrees with the schema whatever the server did, and the re-run ends at the requested version.
 */
class DownConnectionCutTest {
    private static final Pattern PORT = Pattern.compile("//[^:/]+:(\\d+)/");
    private static final String SLEEPING = "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
            + " AND query LIKE 'SELECT pg_sleep(3)%'";

    @TempDir
    Path dir;

    @Test
    void aCutMidRevertLeavesHistoryAndSchemaInAgreementAndTheRerunFinishes() throws Exception {
        MigrationDirectory migrations = MigrationDirs.write(dir,
                "1_users.sql", "CREATE TABLE users (id bigint PRIMARY KEY);\n",
                "2_pets.sql", "CREATE TABLE pets (id bigint PRIMARY KEY);\n");
        Files.createDirectories(dir.resolve("down"));
        Files.writeString(dir.resolve("down/2.sql"), "SELECT pg_sleep(3);\n\nDROP TABLE pets;\n");
        TestDatabase db = TestDatabases.createDatabase();
        DatabaseConnector direct = DatabaseConnector.of(ConnectionSettings.of(db.environment()));
        new Applier(direct, new RecordingOutput()).apply(migrations, ApplyOptions.defaults());
        Matcher port = PORT.matcher(db.jdbcUrl());
        assertThat(port.find()).isTrue();

        try (LoopbackProxy proxy = new LoopbackProxy(Integer.parseInt(port.group(1)))) {
            String viaProxy = db.jdbcUrl().replaceFirst("//[^/]+/", "//127.0.0.1:" + proxy.port() + "/");
            Environment environment = db.environment(viaProxy, null);
            CompletableFuture<String> run = CompletableFuture.supplyAsync(() -> {
                try {
                    down(DatabaseConnector.of(ConnectionSettings.of(environment)), migrations);
                    return "completed";
                } catch (PgMigrateException e) {
                    return e.getMessage();
                }
            });
            // The dev copy sleeps first; cut once the target's own backend runs the statement.
            while (Sql.one(db, SLEEPING).equals("0") && !run.isDone()) {
                Thread.sleep(20);
            }
            proxy.cut();
            String failure = run.get(60, TimeUnit.SECONDS);
            assertThat(failure).contains("down/2.sql: the connection to the database was lost during the revert")
                    .contains("Whether its transaction committed is not known here")
                    .contains("status shows which; to continue, run down -Dpgmigrate.toVersion=1");
        }
        while (!Sql.one(db, SLEEPING).equals("0")) {
            Thread.sleep(50);
        }
        // The whole transaction was sent in one round trip, so the server may have committed it after the cut: either
        // way the history and the schema agree.
        boolean reverted = Sql.one(db, "SELECT to_regclass('public.pets') IS NULL").equals("t");
        assertThat(Sql.rows(db, "SELECT version FROM atlas_schema_revisions.atlas_schema_revisions ORDER BY 1"))
                .isEqualTo(reverted ? List.of("1") : List.of("1", "2"));

        down(direct, migrations);
        assertThat(Sql.rows(db, "SELECT version FROM atlas_schema_revisions.atlas_schema_revisions ORDER BY 1"))
                .containsExactly("1");
        assertThat(Sql.one(db, "SELECT to_regclass('public.pets') IS NULL")).isEqualTo("t");
    }

    private static void down(DatabaseConnector connector, MigrationDirectory migrations) throws PgMigrateException {
        new Down(connector, TestDevServers.onTestServer(), new RecordingOutput()).run(migrations, new DownOptions(1,
                "1", true, false, Duration.ofSeconds(10), InspectScope.everything()));
    }
}
