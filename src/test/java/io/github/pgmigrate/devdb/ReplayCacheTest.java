package io.github.pgmigrate.devdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.testing.MigrationDirs;
import io.github.pgmigrate.testing.RecordingOutput;
import io.github.pgmigrate.testing.TestDatabases;
import io.github.pgmigrate.testing.TestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The replay cache can only make replays faster: a hit gives the schema a full replay gives ({@code pg_dump
 * --schema-only} of both, on PostgreSQL 15 whose pg_dump the machine has), and a cache that does not match is dropped.
 */
class ReplayCacheTest {
    private static final int PG_DUMP_MAJOR = 15;

    private final TestServer server = TestDatabases.embeddedServer(PG_DUMP_MAJOR);
    private final RecordingOutput out = new RecordingOutput();

    @TempDir
    Path dir;

    /** Files that no other test has: their own cache keys. */
    private MigrationDirectory threeFiles() {
        String tag = "-- " + UUID.randomUUID() + "\n";
        return MigrationDirs.write(dir,
                "1_types.sql", tag + "CREATE TYPE mood AS ENUM ('sad', 'happy');\n",
                "2_people.sql", "CREATE TABLE people (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
                        + " name text NOT NULL, mood mood DEFAULT 'happy');\n",
                "3_view.sql", "CREATE VIEW happy_people AS SELECT id, name FROM people WHERE mood = 'happy';\n");
    }

    private MigrationDirectory addFourth() {
        return MigrationDirs.write(dir, "4_index.sql",
                "-- atlas:txmode none\n\nCREATE INDEX CONCURRENTLY people_name ON people (name);\n"
                        + "COMMENT ON TABLE people IS 'everyone';\n");
    }

    @Test
    void aPullRequestAddingOneFileReplaysOnlyThatFileAndGivesTheSchemaOfAFullReplay() throws Exception {
        DevServer cached = DevServers.on(server, true, out);
        try (DevDatabase first = cached.replay(threeFiles(), null)) {
            assertThat(out.text()).doesNotContain("from the replay cache");
        }
        MigrationDirectory four = addFourth();
        try (DevDatabase warm = cached.replay(four, null);
             DevDatabase full = DevServers.on(server, false, out).replay(four, null)) {
            assertThat(out.text()).contains("Replayed 4 migrations onto the " + warm.description())
                    .contains("(3 from the replay cache)");
            assertThat(PgDump.schema(server, warm.name())).contains("CREATE INDEX people_name")
                    .isEqualTo(PgDump.schema(server, full.name()));
        }
        try (DevDatabase again = cached.replay(four, null)) {
            assertThat(out.lines().get(out.lines().size() - 1)).contains("(4 from the replay cache)");
            assertThat(DevServers.rows(server, again.name(), "SELECT obj_description('people'::regclass)"))
                    .containsExactly("everyone");
        }
    }

    @Test
    void aCacheDatabaseWhoseKeyDoesNotMatchIsDroppedAndNeverUsed() throws Exception {
        DevServer cached = DevServers.on(server, true, out);
        MigrationDirectory three = threeFiles();
        cached.replay(three, null).close();
        String cache = newestCacheDatabase();
        try (Connection admin = server.connect(server.maintenanceDatabase()); Statement sql = admin.createStatement()) {
            sql.execute("COMMENT ON DATABASE " + cache + " IS 'pgmigrate replay cache v1 something else'");
        }
        try (DevDatabase dev = cached.replay(three, null)) {
            assertThat(out.lines().get(out.lines().size() - 1)).doesNotContain("from the replay cache");
            assertThat(DevServers.rows(server, dev.name(), "SELECT count(*) FROM happy_people")).containsExactly("0");
        }
        assertThat(DevServers.rows(server, server.maintenanceDatabase(), "SELECT shobj_description(oid, 'pg_database')"
                + " FROM pg_database WHERE datname = '" + cache + "'")).as("replaced by a matching one")
                .singleElement().asString().doesNotContain("something else").contains(" files=3 ");
    }

    @Test
    void aCacheDatabaseWhoseHistoryDoesNotMatchItsKeyIsDroppedAndTheReplayRunsInFull() throws Exception {
        DevServer cached = DevServers.on(server, true, out);
        MigrationDirectory three = threeFiles();
        String reference;
        try (DevDatabase full = DevServers.on(server, false, out).replay(three, null)) {
            reference = PgDump.schema(server, full.name());
        }
        cached.replay(three, null).close();
        String cache = newestCacheDatabase();
        try (Connection admin = server.connect(server.maintenanceDatabase()); Statement sql = admin.createStatement()) {
            sql.execute("ALTER DATABASE " + cache + " ALLOW_CONNECTIONS true");
        }
        try (Connection inside = server.connect(cache); Statement sql = inside.createStatement()) {
            sql.execute("DROP VIEW happy_people");
            sql.execute("UPDATE " + Replay.SCHEMA + ".atlas_schema_revisions SET hash = 'tampered' WHERE version = '3'");
        }
        try (Connection admin = server.connect(server.maintenanceDatabase()); Statement sql = admin.createStatement()) {
            sql.execute("ALTER DATABASE " + cache + " ALLOW_CONNECTIONS false");
        }
        try (DevDatabase dev = cached.replay(three, null)) {
            assertThat(out.lines().get(out.lines().size() - 1)).doesNotContain("from the replay cache");
            assertThat(PgDump.schema(server, dev.name())).isEqualTo(reference);
        }
        try (DevDatabase dev = cached.replay(three, null)) {
            assertThat(out.lines().get(out.lines().size() - 1)).as("replaced by a correct one")
                    .contains("(3 from the replay cache)");
            assertThat(PgDump.schema(server, dev.name())).isEqualTo(reference);
        }
    }

    @Test
    void anEditedEarlierFileChangesEveryLaterKey() throws Exception {
        DevServer cached = DevServers.on(server, true, out);
        cached.replay(threeFiles(), null).close();
        MigrationDirectory edited = MigrationDirs.write(dir, "2_people.sql", "CREATE TABLE people (id bigint"
                + " PRIMARY KEY, name text NOT NULL, mood mood DEFAULT 'sad');\n");
        try (DevDatabase dev = cached.replay(edited, null)) {
            assertThat(out.lines().get(out.lines().size() - 1)).doesNotContain("from the replay cache");
            assertThat(PgDump.schema(server, dev.name())).contains("DEFAULT 'sad'::public.mood");
        }
    }

    @Test
    void aDisabledCacheNeitherReadsNorWritesCacheDatabases() throws Exception {
        List<String> before = DevServers.databases(server, ReplayCache.PREFIX);
        MigrationDirectory three = threeFiles();
        DevServers.on(server, false, out).replay(three, null).close();
        DevServers.on(server, false, out).replay(three, null).close();
        assertThat(DevServers.databases(server, ReplayCache.PREFIX)).isEqualTo(before);
        assertThat(out.text()).doesNotContain("from the replay cache").contains("(replay cache off)");
    }

    @Test
    void concurrentReplaysOfTheSameDirectoryAllSucceedWithTheSameSchema() throws Exception {
        MigrationDirectory three = threeFiles();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> schemas = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                schemas.add(pool.submit(() -> {
                    try (DevDatabase dev = DevServers.on(server, true, new RecordingOutput()).replay(three, null)) {
                        return PgDump.schema(server, dev.name());
                    }
                }));
            }
            String first = schemas.get(0).get(2, TimeUnit.MINUTES);
            for (Future<String> schema : schemas) {
                assertThat(schema.get(2, TimeUnit.MINUTES)).isEqualTo(first);
            }
        } finally {
            pool.shutdownNow();
        }
        try (DevDatabase dev = DevServers.on(server, true, out).replay(three, null)) {
            assertThat(out.text()).contains("(3 from the replay cache)");
        }
        assertThat(DevServers.databases(server, ReplayCache.PREFIX + "new_")).as("no staging leftovers").isEmpty();
    }

    private String newestCacheDatabase() throws Exception {
        List<String> newest = DevServers.rows(server, server.maintenanceDatabase(), "SELECT datname FROM pg_database"
                + " WHERE starts_with(datname, '" + ReplayCache.PREFIX + "') ORDER BY split_part("
                + "shobj_description(oid, 'pg_database'), ' created=', 2)::bigint DESC LIMIT 1");
        assertThat(newest).hasSize(1);
        return newest.get(0);
    }

    /** {@code pg_dump --schema-only} of a database of the embedded server, without its per-run lines. */
    static final class PgDump {
        static String schema(TestServer server, String database) throws Exception {
            String port = server.jdbcUrl(database).replaceAll(".*://[^:/]+:(\\d+)/.*", "$1");
            Process dump = new ProcessBuilder("pg_dump", "--schema-only", "--no-owner", "-h", "localhost", "-p", port,
                    "-U", server.user(), database).redirectErrorStream(true).start();
            String text = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(dump.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(dump.exitValue()).as(text).isZero();
            return text.lines().filter(l -> !l.startsWith("\\restrict") && !l.startsWith("\\unrestrict"))
                    .reduce("", (a, b) -> a + b + "\n");
        }
    }
}
