package io.github.pgmigrate.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.pgmigrate.lint.Finding;
import io.github.pgmigrate.lint.LintResult;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The run as JSON: {@code {tool, version, summary{files, statements, errors, warnings}, findings[{rule, title,
 * severity, file, line, column, message, fix, measured, observed (what replay saw, when measured),
 * atlasCodes, docs}]}} with 1-based lines and columns.
 */
public final class JsonReport {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    public static ObjectNode toJson(LintResult result, ToolInfo tool) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("tool", tool.name());
        root.put("version", tool.version());
        ObjectNode summary = root.putObject("summary");
        summary.put("files", result.files().size());
        summary.put("statements", result.statements());
        summary.put("errors", result.errors());
        summary.put("warnings", result.warnings());
        ArrayNode findings = root.putArray("findings");
        for (Finding f : result.findings()) {
            ObjectNode node = findings.addObject();
            node.put("rule", f.rule().id());
            node.put("title", f.rule().title());
            node.put("severity", f.severity().id());
            node.put("file", f.file());
            node.put("line", f.line());
            node.put("column", f.column());
            node.put("message", f.message());
            node.put("fix", f.fix());
            node.put("measured", f.measured() != null);
            if (f.measured() != null) {
                node.put("observed", f.measured());
            }
            ArrayNode codes = node.putArray("atlasCodes");
            f.rule().atlasCodes().forEach(codes::add);
            node.put("docs", tool.ruleUri(f.rule().id()) != null ? tool.ruleUri(f.rule().id()) : f.rule().docPath());
        }
        return root;
    }

    public static void write(LintResult result, ToolInfo tool, OutputStream out) throws IOException {
        MAPPER.writeValue(out, toJson(result, tool));
    }
}
