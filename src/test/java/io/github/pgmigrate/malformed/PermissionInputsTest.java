package io.github.pgmigrate.malformed;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgmigrate.testing.MigrationDirs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files and directories the build user may not read or write. The entry runs in a child JVM; when the tests run as
 * root, that JVM runs without the capabilities that let root ignore file modes (setpriv), so the modes bite as they
 * do for any other user.
 */
class PermissionInputsTest {
    @TempDir
    Path base;
    private Path dir;

    @BeforeEach
    void migrations() {
        dir = base.resolve("migrations");
        MigrationDirs.write(dir, "1_a.sql", "SELECT 1;\n", "2_b.sql", "SELECT 2;\n");
    }

    @AfterEach
    void restoreModesForCleanUp() throws IOException {
        try (var paths = Files.walk(base)) {
            for (Path p : paths.toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
            }
        }
    }

    @Test
    void anUnreadableMigrationFileIsNamed() throws Exception {
        chmod(dir.resolve("2_b.sql"), "---------");

        assertThat(probe(Entry.VALIDATE)).contains("cannot read the migration file", "2_b.sql: permission denied",
                "give the build user access to it");
        assertThat(probe(Entry.LINT)).contains("2_b.sql: permission denied");
    }

    @Test
    void anUnreadableDirectoryIsNamed() throws Exception {
        chmod(dir, "-wx------");

        assertThat(probe(Entry.VALIDATE)).contains("cannot list the migration directory", "permission denied");
    }

    @Test
    void anUnreadableSumIsNamed() throws Exception {
        chmod(dir.resolve("atlas.sum"), "---------");

        assertThat(probe(Entry.VALIDATE)).contains("cannot read the checksum file", "atlas.sum: permission denied");
    }

    @Test
    void hashIntoAReadOnlyDirectoryIsNamed() throws Exception {
        Files.writeString(dir.resolve("3_c.sql"), "SELECT 3;\n");
        chmod(dir, "r-x------");

        assertThat(probe(Entry.HASH)).contains("cannot write", "atlas.sum: permission denied");
        assertThat(probe(Entry.NEW)).contains("cannot create", "permission denied");
    }

    private static void chmod(Path path, String mode) throws IOException {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
    }

    private String probe(Entry entry) throws Exception {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("setpriv", "--bounding-set=-dac_override,-dac_read_search"));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EntryProbe.class.getName(), entry.name(),
                dir.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the probe did not finish within 60 s");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(output).doesNotContain("Exception", "unexpected");
        return output;
    }
}
