package io.github.pgmigrate.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pgmigrate.lint.LintResult;
import io.github.pgmigrate.lint.FindingSeverity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class OtherReportsTest {

    @Test
    void jsonCarriesSummaryAndFindings() throws Exception {
        JsonNode json = new ObjectMapper().readTree(Sample.json(out -> JsonReport.write(Sample.result(),
                ToolInfo.pgmigrate("1.0"), out)));
        assertThat(json.at("/summary/files").asInt()).isEqualTo(2);
        assertThat(json.at("/summary/statements").asInt()).isEqualTo(5);
        assertThat(json.at("/summary/errors").asInt()).isEqualTo(1);
        assertThat(json.at("/summary/warnings").asInt()).isEqualTo(1);
        JsonNode first = json.at("/findings/0");
        assertThat(first.get("rule").asText()).isEqualTo("require-concurrent-index-creation");
        assertThat(first.get("file").asText()).isEqualTo("src/main/migrations/2_index.sql");
        assertThat(first.get("line").asInt()).isEqualTo(3);
        assertThat(first.get("column").asInt()).isEqualTo(1);
        assertThat(first.get("fix").asText()).contains("CONCURRENTLY");
        assertThat(first.get("atlasCodes").get(0).asText()).isEqualTo("PG101");
        assertThat(first.get("docs").asText()).isEqualTo("docs/lint/require-concurrent-index-creation.md");
    }

    @Test
    void junitReportIsSurefireShaped() throws Exception {
        Document doc = Sample.junit(Sample.result(), EnumSet.of(FindingSeverity.ERROR));
        Element suite = doc.getDocumentElement();
        assertThat(suite.getTagName()).isEqualTo("testsuite");
        assertThat(suite.getAttribute("name")).isEqualTo("pgmigrate.lint");
        assertThat(suite.getAttribute("tests")).isEqualTo("3");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("errors")).isEqualTo("0");
        NodeList cases = suite.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(3);
        Element failing = (Element) cases.item(0);
        assertThat(failing.getAttribute("classname")).isEqualTo("src/main/migrations/2_index.sql");
        assertThat(failing.getAttribute("name")).isEqualTo("3:1 require-concurrent-index-creation");
        Element failure = (Element) failing.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("type")).isEqualTo("require-concurrent-index-creation");
        assertThat(failure.getAttribute("message")).contains("SHARE lock");
        Element warning = (Element) cases.item(1);
        assertThat(warning.getElementsByTagName("failure").getLength()).isZero();
        assertThat(warning.getElementsByTagName("system-out").item(0).getTextContent()).contains("prefer-timestamptz");
        assertThat(((Element) cases.item(2)).getAttribute("classname")).isEqualTo("src/main/migrations/1_init.sql");
    }

    @Test
    void junitTestNamesAreUniquePerFile() throws Exception {
        io.github.pgmigrate.lint.LintResult result = new io.github.pgmigrate.lint.Linter(io.github.pgmigrate.lint.LintOptions.defaults())
                .lint(List.of(io.github.pgmigrate.directory.MigrationFile.of("1_t.sql", "CREATE TABLE t (a varchar(5), b varchar(5));")),
                        f -> f.name());
        Document doc = Sample.junit(result, EnumSet.of(FindingSeverity.ERROR));
        NodeList cases = doc.getDocumentElement().getElementsByTagName("testcase");
        // Each column's type is its own finding, named by where the type is written.
        assertThat(((Element) cases.item(0)).getAttribute("name")).isEqualTo("1:19 prefer-text-field");
        assertThat(((Element) cases.item(1)).getAttribute("name")).isEqualTo("1:33 prefer-text-field");
    }

    @Test
    void junitTreatsWarningsAsFailuresWhenTheGateDoes() throws Exception {
        Document doc = Sample.junit(Sample.result(), EnumSet.of(FindingSeverity.ERROR, FindingSeverity.WARNING));
        assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("2");
    }

    @Test
    void githubAnnotationsAreEscapedWorkflowCommands() {
        List<String> lines = GitHubAnnotations.lines(Sample.result());
        assertThat(lines.get(0)).startsWith("::error file=src/main/migrations/2_index.sql,line=3,col=1,endLine=3,endColumn=34,"
                + "title=require-concurrent-index-creation::Creating index");
        assertThat(lines.get(1)).startsWith("::warning file=").contains("title=prefer-timestamptz::");
        assertThat(GitHubAnnotations.property("a,b:c%\nd")).isEqualTo("a%2Cb%3Ac%25%0Ad");
        assertThat(GitHubAnnotations.enabled(Map.of("GITHUB_ACTIONS", "true"))).isTrue();
        assertThat(GitHubAnnotations.enabled(Map.of())).isFalse();
    }

    @Test
    void writerPutsEveryFormatIntoTheDirectory(@TempDir Path dir) throws Exception {
        LintResult result = Sample.result();
        List<Path> written;
        try (ReportWriter.Writing writing = ReportWriter.start(ReportWriter.Content.of(result, ToolInfo.pgmigrate("1"),
                EnumSet.of(FindingSeverity.ERROR)), EnumSet.allOf(ReportFormat.class), dir.resolve("target/pgmigrate"))) {
            written = writing.finish();
        }
        assertThat(written).extracting(p -> p.getFileName().toString())
                .containsExactly("lint.json", "lint.sarif", "TEST-pgmigrate.lint.xml");
        assertThat(written).allSatisfy(p -> assertThat(Files.size(p)).isPositive());
        try (var files = Files.list(dir.resolve("target/pgmigrate"))) {
            assertThat(files.filter(p -> p.toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void aReportThatCannotBeWrittenIsNamedAndTheOthersAreWritten(@TempDir Path dir) throws Exception {
        Path reports = dir.resolve("target/pgmigrate");
        Files.createDirectories(reports.resolve("lint.sarif/in-the-way"));

        try (ReportWriter.Writing writing = ReportWriter.start(ReportWriter.Content.of(Sample.result(),
                ToolInfo.pgmigrate("1"), EnumSet.of(FindingSeverity.ERROR)), EnumSet.allOf(ReportFormat.class), reports)) {
            assertThatThrownBy(writing::finish).isInstanceOf(java.io.IOException.class)
                    .hasMessageStartingWith("cannot write " + reports.resolve("lint.sarif") + ": ");
        }
        assertThat(reports.resolve("lint.json")).isRegularFile();
        assertThat(reports.resolve("TEST-pgmigrate.lint.xml")).isRegularFile();
        try (var files = Files.list(reports)) {
            assertThat(files.filter(p -> p.toString().endsWith(".tmp"))).isEmpty();
        }
    }
}
