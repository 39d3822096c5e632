package io.github.pgmigrate.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.pgmigrate.directory.MigrationFile;
import io.github.pgmigrate.lint.FindingSeverity;
import io.github.pgmigrate.lint.LintOptions;
import io.github.pgmigrate.lint.LintResult;
import io.github.pgmigrate.lint.Linter;
import io.github.pgmigrate.output.JsonFile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/** A lint run with an error, a warning and a clean file, for the report tests. */
final class Sample {
    private Sample() {
    }

    static LintResult result() {
        return new Linter(LintOptions.defaults()).lint(List.of(
                MigrationFile.of("1_init.sql", "CREATE TABLE t (id bigint);"),
                MigrationFile.of("2_index.sql", "SET lock_timeout = '2s';\nSET statement_timeout = '1min';\n"
                        + "CREATE INDEX idx ON users (email);\nCREATE TABLE \"weird, name: 100%\" (at timestamp);")),
                f -> "src/main/migrations/" + f.name());
    }

    /** The bytes of a JSON report (JSON or SARIF) as the report files hold them. */
    static byte[] json(JsonFile.JsonWriter report) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JsonFile.generator(out)) {
            report.write(json);
        }
        return out.toByteArray();
    }

    /** The JUnit report, parsed. */
    static Document junit(LintResult result, Set<FindingSeverity> failing) throws Exception {
        StringWriter xml = new StringWriter();
        JUnitReport.write(result, ReportWriter.Content.of(result, ToolInfo.pgmigrate("1"), failing).logLines(), failing,
                xml);
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
