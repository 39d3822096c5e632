package io.github.pgmigrate.checksum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.directory.MigrationFile;
import io.github.pgmigrate.testing.Resources;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SumFileTest {

    @Test
    void reproducesAtlasTestDirectoryByteForByte() throws Exception {
        MigrationDirectory dir = MigrationDirectory.load(
                Resources.path("atlas-vectors/sum/01-sql-migrate-testdata-migrate"));

        byte[] computed = SumFile.compute(dir.files()).format();

        assertThat(computed).isEqualTo(dir.sum().orElseThrow());
    }

    @Test
    void ignoredFileFeedsItsNameButNotItsContent() throws Exception {
        MigrationDirectory dir = MigrationDirectory.load(Resources.path("atlas-vectors/sum-ignore"));

        SumFile sum = SumFile.compute(dir.files());

        assertThat(sum.format()).isEqualTo(Resources.bytes("atlas-vectors/sum-ignore/atlas.sum.expected"));
        assertThat(sum.entries()).extracting(SumEntry::name).containsExactly("1_first.sql", "3_third.sql");
    }

    @Test
    void emptyDirectoryHasTheSumOfNothing() {
        assertThat(new String(SumFile.compute(List.of()).format(), StandardCharsets.UTF_8))
                .isEqualTo("h1:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n");
    }

    @Test
    void hashesAreRunningSoAnEditChangesEveryLaterLine() {
        List<MigrationFile> before = List.of(MigrationFile.of("1_a.sql", "create table a();"),
                MigrationFile.of("2_b.sql", "create table b();"));
        List<MigrationFile> after = List.of(MigrationFile.of("1_a.sql", "create table a(x int);"),
                MigrationFile.of("2_b.sql", "create table b();"));

        SumFile sumBefore = SumFile.compute(before);
        SumFile sumAfter = SumFile.compute(after);

        assertThat(sumAfter.hashOf("1_a.sql")).isNotEqualTo(sumBefore.hashOf("1_a.sql"));
        assertThat(sumAfter.hashOf("2_b.sql")).isNotEqualTo(sumBefore.hashOf("2_b.sql"));
    }

    @Test
    void crlfIsHashedAsIsNotNormalised() {
        SumFile lf = SumFile.compute(List.of(MigrationFile.of("1_a.sql", "select 1;\n")));
        SumFile crlf = SumFile.compute(List.of(MigrationFile.of("1_a.sql", "select 1;\r\n")));

        assertThat(lf.directorySum()).isNotEqualTo(crlf.directorySum());
    }

    @Test
    void parsesWhatItFormatsAndAcceptsCrlfLines() throws Exception {
        SumFile sum = SumFile.compute(List.of(MigrationFile.of("1_a.sql", "select 1;")));
        String crlf = new String(sum.format(), StandardCharsets.UTF_8).replace("\n", "\r\n");

        assertThat(SumFile.parse(sum.format()).entries()).isEqualTo(sum.entries());
        assertThat(SumFile.parse(crlf.getBytes(StandardCharsets.UTF_8)).entries()).isEqualTo(sum.entries());
    }

    @Test
    void rejectsALineWithoutHash() {
        SumFile sum = SumFile.compute(List.of(MigrationFile.of("1_a.sql", "select 1;")));
        String broken = new String(sum.format(), StandardCharsets.UTF_8) + "\n";

        assertThatThrownBy(() -> SumFile.parse(broken.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(SumFormatException.class, e -> assertThat(e.line()).isEqualTo(3))
                .hasMessageContaining("line 3");
    }

    @Test
    void rejectsAFirstLineThatDoesNotMatchTheEntries() {
        SumFile sum = SumFile.compute(List.of(MigrationFile.of("1_a.sql", "select 1;")));
        String handEdited = new String(sum.format(), StandardCharsets.UTF_8).replaceFirst("h1:.", "h1:X");

        assertThatThrownBy(() -> SumFile.parse(handEdited.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SumFormatException.class)
                .hasMessageContaining("first line");
    }
}
