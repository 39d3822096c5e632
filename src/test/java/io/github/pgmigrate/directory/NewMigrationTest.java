package io.github.pgmigrate.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewMigrationTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-04T05:06:07Z"), ZoneId.of("Europe/Paris"));

    @TempDir
    Path dir;

    @Test
    void namesTheFileWithTheUtcTimestamp() throws Exception {
        Path file = NewMigration.create(dir.resolve("migrations"), "add_users", null, CLOCK);

        assertThat(file.getFileName().toString()).isEqualTo("20250304050607_add_users.sql");
        assertThat(Files.readString(file)).isEqualTo("-- add users\n");
    }

    @Test
    void refusesAVersionThatExists() throws Exception {
        NewMigration.create(dir, "first", null, CLOCK);

        assertThatThrownBy(() -> NewMigration.create(dir, "second", null, CLOCK))
                .isInstanceOf(InvalidMigrationNameException.class)
                .hasMessageContaining("a migration with version 20250304050607 already exists");
    }

    @Test
    void refusesNamesThatCannotBeFileNames() {
        assertThatThrownBy(() -> NewMigration.create(dir, "../evil", null, CLOCK))
                .isInstanceOf(InvalidMigrationNameException.class);
        assertThatThrownBy(() -> NewMigration.create(dir, "", null, CLOCK))
                .isInstanceOf(InvalidMigrationNameException.class);
    }

    @Test
    void takesAnExplicitVersion() throws Exception {
        assertThat(NewMigration.create(dir, "x", "42", CLOCK).getFileName().toString()).isEqualTo("42_x.sql");
    }
}
