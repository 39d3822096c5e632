package io.github.pgmigrate.devdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pgmigrate.apply.MigrationFailedException;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.testing.MigrationDirs;
import io.github.pgmigrate.testing.RecordingOutput;
import io.github.pgmigrate.testing.TestDatabases;
import io.github.pgmigrate.testing.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dev databases on real PostgreSQL: fresh, replayed with the apply engine, dropped on close. */
class DevServerTest {
    private final TestServer server = TestDatabases.server();
    private final RecordingOutput out = new RecordingOutput();

    @TempDir
    Path dir;

    @Test
    void aReplayedDatabaseHoldsTheMigrationsButNotTheReplayHistoryAndCloseDropsIt() throws Exception {
        MigrationDirectory migrations = MigrationDirs.write(dir,
                "1_users.sql", "CREATE TABLE users (id bigint PRIMARY KEY);\n",
                "2_index.sql", "-- atlas:txmode none\n\nCREATE INDEX CONCURRENTLY users_id ON users (id);\n");
        String name;
        try (DevDatabase dev = DevServers.on(server, false, out).replay(migrations, null)) {
            name = dev.name();
            assertThat(name).startsWith("pgmigrate_dev_");
            assertThat(DevServers.rows(server, name, "SELECT indexname FROM pg_indexes WHERE tablename = 'users'"
                    + " ORDER BY 1")).containsExactly("users_id", "users_pkey");
            assertThat(DevServers.rows(server, name, "SELECT nspname FROM pg_namespace WHERE nspname LIKE 'pgmigrate%'"
                    + " OR nspname LIKE 'atlas%'")).isEmpty();
        }
        assertThat(DevServers.databases(server, name)).as("dropped on close").isEmpty();
        assertThat(out.text()).contains("Replayed 2 migrations onto the dev database " + name)
                .contains("(replay cache off)");
    }

    @Test
    void replaysUpToAVersion() throws Exception {
        MigrationDirectory migrations = MigrationDirs.write(dir,
                "1_a.sql", "CREATE TABLE a (id int);\n",
                "2_b.sql", "CREATE TABLE b (id int);\n",
                "3_c.sql", "CREATE TABLE c (id int);\n");
        try (DevDatabase dev = DevServers.on(server, false, out).replay(migrations, "2")) {
            assertThat(DevServers.rows(server, dev.name(), "SELECT relname FROM pg_class WHERE relname IN"
                    + " ('a', 'b', 'c') ORDER BY 1")).containsExactly("a", "b");
        }
    }

    @Test
    void anEmptyDatabaseIsFreshAndDroppedOnClose() throws Exception {
        String name;
        try (DevDatabase dev = DevServers.on(server, true, out).createDatabase()) {
            name = dev.name();
            assertThat(DevServers.rows(server, name, "SELECT count(*) FROM pg_class c JOIN pg_namespace n"
                    + " ON n.oid = c.relnamespace WHERE n.nspname = 'public'")).containsExactly("0");
        }
        assertThat(DevServers.databases(server, name)).isEmpty();
    }

    @Test
    void aFailingStatementNamesFileLineAndTheServerMessageAndLeavesNoDatabase() throws Exception {
        MigrationDirectory migrations = MigrationDirs.write(dir,
                "1_a.sql", "CREATE TABLE a (id int);\n",
                "2_b.sql", "CREATE TABLE b (id int);\n\nALTER TABLE missing ADD COLUMN x int;\n");
        var before = DevServers.databases(server, "pgmigrate_dev_");
        assertThatThrownBy(() -> DevServers.on(server, true, out).replay(migrations, null))
                .isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("onto the dev server")
                .hasMessageContaining("2_b.sql:3")
                .hasMessageContaining("relation \"missing\" does not exist")
                .satisfies(e -> assertThat(((MigrationFailedException) e).line()).isEqualTo(3));
        assertThat(DevServers.databases(server, "pgmigrate_dev_")).isEqualTo(before);
    }

    @Test
    void aMissingExtensionIsNamedWithHowToPointDevUrlElsewhere() throws Exception {
        MigrationDirectory migrations = MigrationDirs.write(dir,
                "1_vector.sql", "CREATE EXTENSION pgmigrate_no_such_extension;\n");
        assertThatThrownBy(() -> DevServers.on(server, false, out).replay(migrations, null))
                .isInstanceOf(MigrationFailedException.class)
                .hasMessageContaining("1_vector.sql:1")
                .satisfies(e -> assertThat(((MigrationFailedException) e).hint())
                        .contains("does not have the extension \"pgmigrate_no_such_extension\"")
                        .contains("-Dpgmigrate.devUrl="));
    }

    @Test
    void recognisesMissingExtensionMessagesOfEveryMajor() {
        assertThat(ReplayFailure.missingExtension("extension \"vector\" is not available")).contains("vector");
        assertThat(ReplayFailure.missingExtension("could not open extension control file"
                + " \"/tmp/pg/share/postgresql/extension/postgis.control\": No such file or directory"))
                .contains("postgis");
        assertThat(ReplayFailure.missingExtension("relation \"t\" does not exist")).isEmpty();
    }

    @Test
    void devUrlDefaultsToTheEmbeddedServerOfTheTargetsMajor() throws Exception {
        assertThat(DevUrls.choose(null, 15).target().embeddedMajor()).isEqualTo(15);
        assertThat(DevUrls.choose(" ", 11).target().embeddedMajor()).isEqualTo(17);
        assertThat(DevUrls.choose(null, null).target().embeddedMajor()).isEqualTo(17);
        assertThat(DevUrls.choose("embedded:14", 17).target().embeddedMajor()).isEqualTo(14);
        assertThat(DevUrls.choose("postgres://u:secret@db:5433/dev", null).target().jdbcUrl())
                .startsWith("jdbc:postgresql://db:5433/dev");
        assertThatThrownBy(() -> DevUrls.choose("mysql://x", null)).hasMessageStartingWith("devUrl: ");
    }

    @Test
    void otherDatabasesOfTheSameServerKeepHostsAndParameters() {
        assertThat(DatabaseUrls.withDatabase("jdbc:postgresql://a:1,b:2/postgres?sslmode=require", "d"))
                .isEqualTo("jdbc:postgresql://a:1,b:2/d?sslmode=require");
        assertThat(DatabaseUrls.withDatabase("jdbc:postgresql://a:1", "d")).isEqualTo("jdbc:postgresql://a:1/d");
        assertThat(DatabaseUrls.withDatabase("jdbc:postgresql:postgres", "d")).isEqualTo("jdbc:postgresql:d");
    }
}
