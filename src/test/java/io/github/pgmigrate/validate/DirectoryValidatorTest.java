package io.github.pgmigrate.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgmigrate.checksum.SumWriter;
import io.github.pgmigrate.directory.MigrationDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryValidatorTest {
    @TempDir
    Path dir;

    private void write(String name, String content) throws Exception {
        Files.writeString(dir.resolve(name), content);
    }

    private ValidationReport validate(boolean strict) throws Exception {
        return DirectoryValidator.validate(MigrationDirectory.load(dir), strict);
    }

    private void hash() throws Exception {
        SumWriter.write(MigrationDirectory.load(dir));
    }

    @Test
    void hashedCleanDirectoryHasNoProblems() throws Exception {
        write("20250101000000_users.sql", "create table users (id bigint primary key);\n");
        write("20250102000000_index.sql", "-- atlas:txmode none\n\ncreate index concurrently i on users (id);\n");
        hash();

        ValidationReport report = validate(false);

        assertThat(report.problems()).isEmpty();
        assertThat(report.fileCount()).isEqualTo(2);
    }

    @Test
    void emptyDirectoryWithoutSumIsFine() throws Exception {
        assertThat(validate(false).problems()).isEmpty();
    }

    @Test
    void filesWithoutSumAreAnError() throws Exception {
        write("1_a.sql", "select 1;");

        assertThat(validate(false).errors()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("atlas.sum is missing"));
    }

    @Test
    void editedFileIsNamedWithItsSumLine() throws Exception {
        write("1_a.sql", "create table a (id int);\n");
        write("2_b.sql", "create table b (id int);\n");
        hash();
        write("2_b.sql", "create table b (id bigint);\n");

        Problem problem = validate(false).errors().get(0);

        assertThat(problem.file()).isEqualTo("atlas.sum");
        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.message()).isEqualTo("2_b.sql was edited after atlas.sum was written");
        assertThat(problem.hint()).contains("mvn pgmigrate:hash");
    }

    @Test
    void handEditedSumIsReportedAsMalformed() throws Exception {
        write("1_a.sql", "select 1;");
        Files.writeString(dir.resolve("atlas.sum"), "h1:AAAA\n1_a.sql h1:BBBB\n");

        assertThat(validate(false).errors()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("not the base64 of a SHA-256 digest"));
    }

    @Test
    void syntaxErrorCarriesFileLineAndColumn() throws Exception {
        write("1_a.sql", "select 1;\nselect 'unterminated;\n");
        hash();

        Problem problem = validate(false).errors().get(0);

        assertThat(problem.format("migrations")).startsWith("migrations/1_a.sql:2:8: unterminated quoted string");
    }

    @Test
    void txmodeWithoutBlankLineIsTheAtlasTrap() throws Exception {
        write("1_a.sql", "-- atlas:txmode none\ncreate index concurrently i on t (a);\n");
        hash();

        Problem problem = validate(false).errors().get(0);

        assertThat(problem.line()).isEqualTo(1);
        assertThat(problem.message()).contains("#3596");
        assertThat(problem.hint()).contains("empty line");
    }

    @Test
    void unknownTxmodeIsAnError() throws Exception {
        write("1_a.sql", "-- atlas:txmode all\n\nselect 1;\n");
        hash();

        assertThat(validate(false).errors()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("\"all\" is not allowed"));
    }

    @Test
    void duplicateVersionsAreAnErrorNamingEveryFileAndTheFix() throws Exception {
        write("1_a.sql", "select 1;");
        write("1_b.sql", "select 2;");
        write("1_c.sql", "select 3;");
        hash();

        assertThat(validate(false).errors()).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("version 1 is used by 1_a.sql, 1_b.sql, 1_c.sql");
            assertThat(p.hint()).contains("mvn pgmigrate:renumber");
        });
    }

    @Test
    void strictTurnsEveryWarningIntoAnError() throws Exception {
        write("10_b.sql", "select 1;");
        write("9_a.sql", "select 1;");
        write("11_x.down.sql", "select 1;");
        hash();

        assertThat(validate(false).errors()).isEmpty();
        assertThat(validate(false).warnings()).hasSize(2);
        assertThat(validate(true).warnings()).isEmpty();
        assertThat(validate(true).errors()).hasSize(2)
                .allSatisfy(p -> assertThat(p.hint()).contains("-Dpgmigrate.strict=true"));
    }

    @Test
    void invalidUtf8IsAnErrorWithItsLine() throws Exception {
        Files.write(dir.resolve("1_a.sql"), new byte[] {'s', 'e', 'l', ';', '\n', (byte) 0xC3, (byte) 0x28});
        hash();

        Problem problem = validate(false).errors().get(0);

        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.message()).contains("not valid UTF-8");
    }

    @Test
    void versionsOfDifferentWidthsWarnAboutTextOrder() throws Exception {
        write("10_b.sql", "select 1;");
        write("9_a.sql", "select 1;");
        hash();

        assertThat(validate(false).warnings()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("10_b.sql runs before 9_a.sql"));
    }

    @Test
    void metaCommandIsAnError() throws Exception {
        write("1_a.sql", "\\i other.sql\n");
        hash();

        assertThat(validate(false).errors()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("psql meta-command \\i"));
    }
}
