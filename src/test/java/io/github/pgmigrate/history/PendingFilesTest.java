package io.github.pgmigrate.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pgmigrate.directory.MigrationFile;
import io.github.pgmigrate.revisions.Revision;
import io.github.pgmigrate.revisions.RevisionType;
import java.util.List;
import org.junit.jupiter.api.Test;

class PendingFilesTest {

    private static MigrationFile file(String name) {
        return MigrationFile.of(name, "SELECT 1;\n");
    }

    private static MigrationFile checkpoint(String name) {
        return MigrationFile.of(name, "-- atlas:checkpoint\n\nSELECT 1;\n");
    }

    private static Revision done(String version) {
        return new Revision(version, "", RevisionType.EXECUTE, 1, 1, null, 0, "", "", "h", null, "test");
    }

    private static Revision partial(String version) {
        return new Revision(version, "", RevisionType.EXECUTE, 1, 3, null, 0, "boom", "x", "h", List.of("h1:a"),
                "test");
    }

    private static List<String> names(List<MigrationFile> files) {
        return files.stream().map(MigrationFile::name).toList();
    }

    @Test
    void pendingAreTheFilesAboveTheLastRevisionInByteOrder() throws Exception {
        List<MigrationFile> all = List.of(file("1_a.sql"), file("10_b.sql"), file("2_c.sql"), file("9_d.sql"));
        assertThat(names(PendingFiles.withHistory(all, List.of(done("1"), done("10")), ExecOrder.LINEAR).pending()))
                .containsExactly("2_c.sql", "9_d.sql");
    }

    @Test
    void aPartialRevisionMakesItsFilePendingAgain() throws Exception {
        List<MigrationFile> all = List.of(file("1_a.sql"), file("2_b.sql"), file("3_c.sql"));
        assertThat(names(PendingFiles.withHistory(all, List.of(done("1"), partial("2")), ExecOrder.LINEAR)
                .pending())).containsExactly("2_b.sql", "3_c.sql");
        assertThatThrownBy(() -> PendingFiles.withHistory(List.of(file("1_a.sql")), List.of(done("1"),
                new Revision("2", "b", 2, 1, 3, null, 0, "", "", "h", null, "t")), ExecOrder.LINEAR))
                .hasMessage("missing migration: revision \"2_b.sql\" is partially applied but migration file was"
                        + " not found");
    }

    @Test
    void outOfOrderFilesAreNamedSkippedOrPrepended() throws Exception {
        List<MigrationFile> all = List.of(file("1_a.sql"), file("2_b.sql"), file("3_c.sql"), file("4_d.sql"),
                file("5_e.sql"));
        List<Revision> revisions = List.of(done("1"), done("4"));
        assertThatThrownBy(() -> PendingFiles.withHistory(all, revisions, ExecOrder.LINEAR))
                .hasMessage("migration files 2_b.sql, 3_c.sql were added out of order. See:"
                        + " https://atlasgo.io/versioned/apply#non-linear-error");
        assertThat(names(PendingFiles.withHistory(all, revisions, ExecOrder.LINEAR_SKIP).pending()))
                .containsExactly("5_e.sql");
        assertThat(names(PendingFiles.withHistory(all, revisions, ExecOrder.NON_LINEAR).pending()))
                .containsExactly("2_b.sql", "3_c.sql", "5_e.sql");
    }

    @Test
    void filesBelowTheFirstRevisionAreNeverChecked() throws Exception {
        List<MigrationFile> all = List.of(file("1_a.sql"), file("2_b.sql"), file("3_c.sql"));
        assertThat(names(PendingFiles.withHistory(all, List.of(done("2")), ExecOrder.LINEAR).pending()))
                .containsExactly("3_c.sql");
    }

    @Test
    void checkpointsStartFreshDatabasesAndAreSkippedLater() throws Exception {
        List<MigrationFile> all = List.of(file("1_a.sql"), checkpoint("2_cp.sql"), file("3_b.sql"),
                checkpoint("4_cp.sql"), file("5_c.sql"));
        assertThat(names(PendingFiles.firstRun(all))).containsExactly("4_cp.sql", "5_c.sql");
        assertThat(names(PendingFiles.withHistory(all, List.of(done("1")), ExecOrder.LINEAR).pending()))
                .containsExactly("3_b.sql", "5_c.sql");
        assertThat(names(PendingFiles.withHistory(all, List.of(partial("4")), ExecOrder.LINEAR).pending()))
                .containsExactly("4_cp.sql", "5_c.sql");
    }

    @Test
    void baselineSkipsItsFileAndThoseBefore() throws Exception {
        List<MigrationFile> all = List.of(file("1_a.sql"), file("2_b.sql"), file("3_c.sql"));
        MigrationFile baseline = PendingFiles.baselineFile(all, "2");
        assertThat(names(PendingFiles.afterBaseline(all, baseline))).containsExactly("3_c.sql");
    }
}
