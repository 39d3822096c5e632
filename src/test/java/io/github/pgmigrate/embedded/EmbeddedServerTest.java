package io.github.pgmigrate.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pgmigrate.apply.Applier;
import io.github.pgmigrate.apply.ApplyOptions;
import io.github.pgmigrate.history.ExecOrder;
import io.github.pgmigrate.config.ConnectionSettings;
import io.github.pgmigrate.config.Environment;
import io.github.pgmigrate.database.DatabaseConnector;
import io.github.pgmigrate.status.StatusReader;
import io.github.pgmigrate.testing.MigrationDirs;
import io.github.pgmigrate.testing.RecordingOutput;
import io.github.pgmigrate.testing.TestBinaries;
import io.github.pgmigrate.testing.TestDatabases;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code url=embedded[:major]} path end to end, minus Maven: start from a binaries jar, migrate, stop. */
class EmbeddedServerTest {

    @TempDir
    Path dir;

    @Test
    void migratesAThrowAwayServerAndStopsIt() throws Exception {
        int major = TestDatabases.requestedMajor();
        ConnectionSettings settings = ConnectionSettings.of(new Environment("local", "embedded:" + major, null, null,
                null, null, null, Map.of(), true));
        assertThat(settings.target().isEmbedded()).isTrue();
        int port;
        try (EmbeddedServer server = EmbeddedServer.start(new BinariesArchive(TestBinaries.locate(major)))) {
            port = server.port();
            assertThat(server.serverVersion()).startsWith(major + ".");
            DatabaseConnector connector = DatabaseConnector.embedded(settings, server);
            assertThat(connector.description()).startsWith("embedded PostgreSQL " + major + ".");
            var migrations = MigrationDirs.write(dir, "1_a.sql", "CREATE TABLE a (id int);\n");
            new Applier(connector, new RecordingOutput()).apply(migrations, ApplyOptions.defaults());
            assertThat(new StatusReader(connector).read(migrations, ExecOrder.LINEAR).isUpToDate()).isTrue();
        }
        assertThatThrownBy(() -> new Socket("localhost", port).close())
                .as("the server is stopped when closed").isInstanceOf(java.io.IOException.class);
    }

    @Test
    void aJarWithoutBinariesIsExplained() throws Exception {
        Path jar = dir.resolve("empty.jar");
        try (var out = new java.util.zip.ZipOutputStream(java.nio.file.Files.newOutputStream(jar))) {
            out.putNextEntry(new java.util.zip.ZipEntry("META-INF/MANIFEST.MF"));
            out.closeEntry();
        }
        assertThatThrownBy(() -> new BinariesArchive(jar).getPgBinary("Linux", "x86_64"))
                .hasMessageContaining("holds no postgres-linux-x86_64.txz");
        assertThatThrownBy(() -> new BinariesArchive(dir.resolve("missing.jar")).getPgBinary("Linux", "x86_64"))
                .hasMessageContaining("do not exist");
    }
}
