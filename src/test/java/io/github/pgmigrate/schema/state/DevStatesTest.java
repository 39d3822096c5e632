package io.github.pgmigrate.schema.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.schema.inspect.InspectScope;
import io.github.pgmigrate.schema.model.SchemaModel;
import io.github.pgmigrate.schema.model.Table;
import io.github.pgmigrate.testing.MigrationDirs;
import io.github.pgmigrate.testing.TestDatabases;
import io.github.pgmigrate.testing.TestDevServers;
import io.github.pgmigrate.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** file: and dir: states on a real dev server: what they create, how they fail, and that nothing is left behind. */
class DevStatesTest {
    private final TestServer server = TestDatabases.server();

    @TempDir
    Path dir;

    @Test
    void aFolderRunsInNameOrderAndMatchesTheReplayedDirectory() throws Exception {
        Path schema = Files.createDirectories(dir.resolve("schema"));
        Files.writeString(schema.resolve("02_posts.sql"), "CREATE TABLE posts (id bigint PRIMARY KEY,\n"
                + "  author bigint NOT NULL REFERENCES users (id));\n"
                + "CREATE INDEX CONCURRENTLY posts_author ON posts (author);\n");
        Files.writeString(schema.resolve("01_users.sql"), "CREATE TABLE users (id bigint PRIMARY KEY);\n");
        Files.writeString(schema.resolve("notes.txt"), "not SQL");
        var migrations = MigrationDirs.write(dir.resolve("migrations"),
                "1_users.sql", "CREATE TABLE users (id bigint PRIMARY KEY);\n",
                "2_posts.sql", "CREATE TABLE posts (id bigint PRIMARY KEY, author bigint NOT NULL REFERENCES users"
                        + " (id));\n",
                "3_index.sql", "-- atlas:txmode none\n\nCREATE INDEX CONCURRENTLY posts_author ON posts (author);\n");
        long before = devDatabases();

        SchemaModel fromSql = DevStates.inspectSql(TestDevServers.onTestServer(), schema, InspectScope.everything()).model();
        SchemaModel replayed = DevStates.inspectReplay(TestDevServers.onTestServer(), migrations, InspectScope.everything())
                .model();

        assertThat(fromSql.tables()).extracting(t -> t.name().name()).containsExactly("posts", "users");
        Table posts = fromSql.tables().get(0);
        assertThat(posts.indexes()).extracting(i -> i.name()).contains("posts_author");
        assertThat(fromSql).isEqualTo(replayed);
        assertThat(devDatabases()).as("dev databases dropped").isEqualTo(before);
    }

    @Test
    void aFailingStatementNamesFileLineAndTheServerMessage() throws Exception {
        Path schema = Files.writeString(dir.resolve("schema.sql"), "CREATE TABLE users (id bigint PRIMARY KEY);\n"
                + "\n"
                + "CREATE TABLE posts (id bigint,\n"
                + "  author bigint REFERENCES nobody (id));\n");
        long before = devDatabases();
        assertThatThrownBy(() -> DevStates.inspectSql(TestDevServers.onTestServer(), schema, InspectScope.everything()))
                .isInstanceOf(PgMigrateException.class)
                .hasMessageContaining("schema.sql:3: ")
                .hasMessageContaining("relation \"nobody\" does not exist")
                .satisfies(e -> assertThat(((PgMigrateException) e).hint()).contains("never on a target"));
        assertThat(devDatabases()).as("the dev database is dropped after the failure").isEqualTo(before);
    }

    @Test
    void aMissingExtensionIsNamedWithHowToPointDevUrlElsewhere() throws Exception {
        Path schema = Files.writeString(dir.resolve("schema.sql"),
                "CREATE EXTENSION IF NOT EXISTS pgmigrate_no_such_extension;\n");
        assertThatThrownBy(() -> DevStates.inspectSql(TestDevServers.onTestServer(), schema, InspectScope.everything()))
                .hasMessageContaining("schema.sql:1:")
                .satisfies(e -> assertThat(((PgMigrateException) e).hint())
                        .contains("does not have the extension \"pgmigrate_no_such_extension\"")
                        .contains("-Dpgmigrate.devUrl="));
    }

    private long devDatabases() throws Exception {
        try (Connection connection = server.connect(server.maintenanceDatabase());
             ResultSet rs = connection.createStatement().executeQuery(
                     "SELECT count(*) FROM pg_database WHERE datname LIKE 'pgmigrate\\_dev\\_%'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
