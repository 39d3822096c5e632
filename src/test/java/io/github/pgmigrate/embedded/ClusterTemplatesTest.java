package io.github.pgmigrate.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgmigrate.testing.TestBinaries;
import io.github.pgmigrate.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** initdb once per binaries per machine, a copy per server, and a cache that can only be right or rebuilt. */
class ClusterTemplatesTest {
    private final BinariesArchive binaries = new BinariesArchive(TestBinaries.locate(TestDatabases.requestedMajor()));

    @TempDir
    Path cache;

    @Test
    void theFirstStartCachesInitdbAndLaterStartsRunOnACopyNeverOnTheTemplate() throws Exception {
        ClusterTemplates templates = ClusterTemplates.at(cache);
        try (EmbeddedServer cold = EmbeddedServer.start(binaries, templates)) {
            assertThat(cold.fromTemplate()).isFalse();
            execute(cold, "CREATE TABLE written_by_the_first_server (id int)");
        }
        Path template = templates.templateOf(binaries);
        assertThat(template.resolve("PG_VERSION")).exists();
        try (EmbeddedServer warm = EmbeddedServer.start(binaries, templates)) {
            assertThat(warm.fromTemplate()).isTrue();
            assertThat(tables(warm)).doesNotContain("written_by_the_first_server");
            execute(warm, "CREATE TABLE written_by_the_second_server (id int)");
            assertThat(template.resolve("postmaster.pid")).as("the template is not a running cluster").doesNotExist();
            System.out.println("[ClusterTemplatesTest] cold start vs warm start: see docs/benchmarks.md; this warm"
                    + " start took " + warm.startTime().toMillis() + " ms");
        }
        try (EmbeddedServer third = EmbeddedServer.start(binaries, templates)) {
            assertThat(tables(third)).doesNotContain("written_by_the_first_server", "written_by_the_second_server");
        }
    }

    @Test
    void templatesOfOtherVersionsOfTheSameBinariesAreDeletedWhenANewOneIsCached() throws Exception {
        ClusterTemplates templates = ClusterTemplates.at(cache);
        Path current = templates.templateOf(binaries).getParent();
        Path older = current.resolveSibling("17.0.0-1234").resolve("template");
        Files.createDirectories(older);
        Files.writeString(older.resolve("PG_VERSION"), "17\n");
        try (EmbeddedServer server = EmbeddedServer.start(binaries, templates)) {
            assertThat(server.fromTemplate()).isFalse();
        }
        assertThat(older.getParent()).doesNotExist();
        assertThat(current.resolve("template")).isDirectory();
    }

    @Test
    void anIncompleteTemplateIsDeletedAndBuiltAgain() throws Exception {
        ClusterTemplates templates = ClusterTemplates.at(cache);
        EmbeddedServer.start(binaries, templates).close();
        Path template = templates.templateOf(binaries);
        Files.delete(template.resolve("global").resolve("pg_control"));
        try (EmbeddedServer server = EmbeddedServer.start(binaries, templates)) {
            assertThat(server.fromTemplate()).isFalse();
        }
        assertThat(template.resolve("global").resolve("pg_control")).exists();
        try (EmbeddedServer server = EmbeddedServer.start(binaries, templates)) {
            assertThat(server.fromTemplate()).isTrue();
        }
    }

    @Test
    void aTemplateOfAnotherMajorIsDeletedAndBuiltAgain() throws Exception {
        ClusterTemplates templates = ClusterTemplates.at(cache);
        EmbeddedServer.start(binaries, templates).close();
        Path template = templates.templateOf(binaries);
        String version = Files.readString(template.resolve("PG_VERSION"));
        Files.writeString(template.resolve("PG_VERSION"), "9\n");
        try (EmbeddedServer server = EmbeddedServer.start(binaries, templates)) {
            assertThat(server.fromTemplate()).isFalse();
            assertThat(tables(server)).isNotNull();
        }
        assertThat(template.resolve("PG_VERSION")).hasContent(version.strip());
    }

    @Test
    void buildsStartingAtOnceAllStartAndLeaveOneTemplate() throws Exception {
        ClusterTemplates templates = ClusterTemplates.at(cache);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<String>> versions = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                versions.add(pool.submit(() -> {
                    try (EmbeddedServer server = EmbeddedServer.start(binaries, templates)) {
                        return server.serverVersion();
                    }
                }));
            }
            for (Future<String> version : versions) {
                assertThat(version.get(3, TimeUnit.MINUTES)).startsWith(TestDatabases.requestedMajor() + ".");
            }
        } finally {
            pool.shutdownNow();
        }
        try (Stream<Path> left = Files.list(templates.templateOf(binaries).getParent())) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("template");
        }
    }

    @Test
    void theCacheFolderCanBeMovedOrTurnedOff() {
        assertThat(ClusterTemplates.configured("none")).isEmpty();
        assertThat(ClusterTemplates.configured(cache.toString())).get().extracting(ClusterTemplates::root)
                .isEqualTo(cache);
        assertThat(ClusterTemplates.configured(null)).get().extracting(t -> t.root().toString())
                .asString().endsWith("pgmigrate/embedded");
    }

    private static void execute(EmbeddedServer server, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl("postgres"), EmbeddedServer.USER,
                null)) {
            connection.createStatement().execute(sql);
        }
    }

    private static List<String> tables(EmbeddedServer server) throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(server.jdbcUrl("postgres"), EmbeddedServer.USER,
                null); ResultSet rs = connection.createStatement().executeQuery(
                        "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
