package io.github.pgmigrate.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgmigrate.testing.Sql;
import io.github.pgmigrate.testing.TestDatabase;
import io.github.pgmigrate.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PgjdbcInternalsTest {

    @Test
    void theVersionReportedAtStartUpMatchesTheServers() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        try (Connection connection = db.connect()) {
            assertThat(PgjdbcInternals.serverVersionNum(connection))
                    .isEqualTo(Integer.parseInt(Sql.one(db, "SHOW server_version_num")));
        }
    }

    @Test
    void noOtherClassUsesPgjdbcInternals() throws IOException {
        Path sources = Path.of("src/main/java");
        try (Stream<Path> files = Files.walk(sources)) {
            List<String> users = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> read(f).contains("org.postgresql.core"))
                    .map(f -> sources.relativize(f).toString().replace('\\', '/'))
                    .toList();
            assertThat(users).containsExactly("io/github/pgmigrate/database/PgjdbcInternals.java");
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
