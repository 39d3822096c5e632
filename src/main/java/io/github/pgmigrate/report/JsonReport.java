package io.github.pgmigrate.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.pgmigrate.lint.Finding;
import io.github.pgmigrate.lint.LintResult;
import java.io.IOException;

/**
 * The run as JSON: {@code {tool, version, summary{files, statements, errors, warnings}, findings[{rule, title,
 * severity, file, line, column, endLine, endColumn, message, fix, measured, observed (what replay saw, when
 * measured), atlasCodes, docs}]}} with 1-based lines and columns (endColumn is the column after the element, as in
 * SARIF).
 */
public final class JsonReport {

    private JsonReport() {
    }

    public static void write(LintResult result, ToolInfo tool, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("tool", tool.name());
        json.writeStringField("version", tool.version());
        json.writeObjectFieldStart("summary");
        json.writeNumberField("files", result.files().size());
        json.writeNumberField("statements", result.statements());
        json.writeNumberField("errors", result.errors());
        json.writeNumberField("warnings", result.warnings());
        json.writeEndObject();
        json.writeArrayFieldStart("findings");
        for (Finding f : result.findings()) {
            json.writeStartObject();
            json.writeStringField("rule", f.rule().id());
            json.writeStringField("title", f.rule().title());
            json.writeStringField("severity", f.severity().id());
            json.writeStringField("file", f.file());
            json.writeNumberField("line", f.line());
            json.writeNumberField("column", f.column());
            json.writeNumberField("endLine", f.endLine());
            json.writeNumberField("endColumn", f.endColumn());
            json.writeStringField("message", f.message());
            json.writeStringField("fix", f.fix());
            json.writeBooleanField("measured", f.measured() != null);
            if (f.measured() != null) {
                json.writeStringField("observed", f.measured());
            }
            json.writeArrayFieldStart("atlasCodes");
            for (String code : f.rule().atlasCodes()) {
                json.writeString(code);
            }
            json.writeEndArray();
            String published = tool.ruleUri(f.rule().id());
            json.writeStringField("docs", published != null ? published : f.rule().docPath());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }
}
