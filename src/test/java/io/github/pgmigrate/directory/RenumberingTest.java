package io.github.pgmigrate.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pgmigrate.PgMigrateException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenumberingTest {
    @TempDir
    Path dir;

    @Test
    void sameDayFilesGetUniqueFourteenDigitVersionsInTheirOrder() throws Exception {
        write("20251018_base.sql", "20251019_a.sql", "20251019_b.sql", "20251019_c.sql", "20251020_d.sql");

        List<Renaming> plan = Renumbering.plan(MigrationDirectory.load(dir));

        assertThat(plan).containsExactly(
                new Renaming("20251019_a.sql", "20251019000000_a.sql"),
                new Renaming("20251019_b.sql", "20251019000001_b.sql"),
                new Renaming("20251019_c.sql", "20251019000002_c.sql"));
    }

    @Test
    void eachGroupNeedsItsOwnSetStep() throws Exception {
        write("20251019_a.sql", "20251019_b.sql", "20251020_c.sql", "20251105_d.sql", "20251105_e.sql");

        assertThat(Renumbering.setSequence(Renumbering.plan(MigrationDirectory.load(dir))))
                .containsExactly("20251019000001", "20251105000001");
    }

    @Test
    void aFourteenDigitGroupKeepsItsFirstFile() throws Exception {
        write("20251019120000_a.sql", "20251019120000_b.sql");

        assertThat(Renumbering.plan(MigrationDirectory.load(dir)))
                .containsExactly(new Renaming("20251019120000_b.sql", "20251019120001_b.sql"));
    }

    @Test
    void uniqueVersionsNeedNothing() throws Exception {
        write("1_a.sql", "2_b.sql");

        assertThat(Renumbering.plan(MigrationDirectory.load(dir))).isEmpty();
    }

    @Test
    void aNewVersionThatAnotherFileHasIsRefused() throws Exception {
        write("20251019120000_a.sql", "20251019120000_b.sql", "20251019120001_c.sql");

        assertThatThrownBy(() -> Renumbering.plan(MigrationDirectory.load(dir)))
                .isInstanceOf(PgMigrateException.class)
                .hasMessageContaining("would give 20251019120001_b.sql and 20251019120001_c.sql the same version");
    }

    @Test
    void aRenameThatWouldReorderFilesIsRefused() throws Exception {
        // 2025101900_x sorts between 20251019_a and 20251019_b today; 20251019000000_a would sort after it.
        write("20251019_a.sql", "20251019_b.sql", "2025101900_x.sql");

        assertThatThrownBy(() -> Renumbering.plan(MigrationDirectory.load(dir)))
                .hasMessageContaining("would change the order of");
    }

    @Test
    void nonNumericVersionsAreLeftToTheUser() throws Exception {
        write("v1_a.sql", "v1_b.sql");

        assertThatThrownBy(() -> Renumbering.plan(MigrationDirectory.load(dir)))
                .hasMessageContaining("version v1 is used by v1_a.sql, v1_b.sql")
                .hasMessageContaining("only numeric versions");
    }

    @Test
    void applyRenamesAndKeepsContent() throws Exception {
        write("20251019_a.sql", "20251019_b.sql");

        Renumbering.apply(dir, Renumbering.plan(MigrationDirectory.load(dir)));

        assertThat(names()).containsExactly("20251019000000_a.sql", "20251019000001_b.sql");
        assertThat(Files.readString(dir.resolve("20251019000001_b.sql"))).isEqualTo("-- 20251019_b.sql\n");
    }

    @Test
    void aFailedRenameUndoesTheOnesBeforeIt() throws Exception {
        write("20251019_a.sql", "20251019_b.sql");
        List<Renaming> plan = Renumbering.plan(MigrationDirectory.load(dir));
        Files.writeString(dir.resolve("20251019000001_b.sql"), "in the way");

        assertThatThrownBy(() -> Renumbering.apply(dir, plan))
                .isInstanceOf(DirectoryAccessException.class)
                .hasMessageContaining("20251019000001_b.sql");
        assertThat(names()).containsExactly("20251019000001_b.sql", "20251019_a.sql", "20251019_b.sql");
    }

    private void write(String... names) throws Exception {
        for (String name : names) {
            Files.writeString(dir.resolve(name), "-- " + name + "\n");
        }
    }

    private List<String> names() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
