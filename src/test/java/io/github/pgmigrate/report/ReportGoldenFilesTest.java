package io.github.pgmigrate.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pgmigrate.lint.FindingSeverity;
import io.github.pgmigrate.lint.LintResult;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The report files, byte for byte, against golden files in {@code src/test/resources/report/<case>/} that an earlier
 * version wrote (through Jackson's {@code JsonNode} trees and the JDK's {@code XMLStreamWriter}): a change of output
 * shows here as a diff, on purpose or not.
 */
class ReportGoldenFilesTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("corpus", ReportCorpus.result(), ToolInfo.pgmigrate("1.2.3"), EnumSet.of(FindingSeverity.ERROR)),
                Arguments.of("published", ReportCorpus.result(),
                        new ToolInfo("pgmigrate", "1.2.3", "https://example.org/docs/lint"),
                        EnumSet.of(FindingSeverity.ERROR, FindingSeverity.WARNING)),
                Arguments.of("empty", ReportCorpus.empty(), ToolInfo.pgmigrate("1.2.3"), EnumSet.of(FindingSeverity.ERROR)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyReportIsByteForByteTheGoldenFile(String name, LintResult result, ToolInfo tool,
                                               Set<FindingSeverity> failing, @TempDir Path dir) throws Exception {
        List<Path> written;
        try (ReportWriter.Writing writing = ReportWriter.start(ReportWriter.Content.of(result, tool, failing),
                EnumSet.allOf(ReportFormat.class), dir)) {
            written = writing.finish();
        }

        assertThat(written).hasSize(ReportFormat.values().length);
        for (Path file : written) {
            byte[] golden = golden(name + "/" + file.getFileName());
            byte[] actual = Files.readAllBytes(file);
            assertThat(new String(actual, StandardCharsets.UTF_8)).as(file.getFileName().toString())
                    .isEqualTo(new String(golden, StandardCharsets.UTF_8));
            assertThat(actual).as(file.getFileName().toString()).isEqualTo(golden);
        }
    }

    private static byte[] golden(String resource) throws Exception {
        try (InputStream in = ReportGoldenFilesTest.class.getResourceAsStream("/report/" + resource)) {
            assertThat(in).as("golden file src/test/resources/report/" + resource).isNotNull();
            return in.readAllBytes();
        }
    }
}
