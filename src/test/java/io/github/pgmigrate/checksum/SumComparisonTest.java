package io.github.pgmigrate.checksum;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgmigrate.directory.MigrationFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class SumComparisonTest {
    private static final MigrationFile A = MigrationFile.of("1_a.sql", "create table a();");
    private static final MigrationFile B = MigrationFile.of("2_b.sql", "create table b();");
    private static final MigrationFile C = MigrationFile.of("3_c.sql", "create table c();");

    @Test
    void matchingDirectoryHasNoChanges() {
        assertThat(SumComparison.compare(SumFile.compute(List.of(A, B)), List.of(A, B))).isEmpty();
    }

    @Test
    void namesTheEditedFileAndItsSumLine() {
        SumFile stored = SumFile.compute(List.of(A, B, C));
        MigrationFile editedB = MigrationFile.of("2_b.sql", "create table b(x int);");

        assertThat(SumComparison.compare(stored, List.of(A, editedB, C)))
                .containsExactly(new SumChange("2_b.sql", SumChange.Kind.EDITED, 3));
    }

    @Test
    void namesAddedAndRemovedFiles() {
        SumFile stored = SumFile.compute(List.of(A, B));

        assertThat(SumComparison.compare(stored, List.of(A, C)))
                .containsExactly(new SumChange("2_b.sql", SumChange.Kind.REMOVED, 3),
                        new SumChange("3_c.sql", SumChange.Kind.ADDED, 3));
    }

    @Test
    void anAddedFileInTheMiddleDoesNotMakeLaterFilesLookEdited() {
        SumFile stored = SumFile.compute(List.of(A, C));

        assertThat(SumComparison.compare(stored, List.of(A, B, C)))
                .containsExactly(new SumChange("2_b.sql", SumChange.Kind.ADDED, 3));
    }
}
