package io.github.pgmigrate.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.pgmigrate.lint.Finding;
import io.github.pgmigrate.lint.LintResult;
import io.github.pgmigrate.lint.Rule;
import io.github.pgmigrate.lint.RuleSetting;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The run as a SARIF 2.1.0 log (GitHub code scanning reads it): one run, the rules that fired in
 * {@code tool.driver.rules}, one result per finding with its file (relative URI) and a region: 1-based start line and column, end line, and
 * end column (exclusive).
 */
public final class SarifReport {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private SarifReport() {
    }

    public static void write(LintResult result, ToolInfo tool, JsonGenerator json) throws IOException {
        Map<Rule, Integer> ruleIndex = new LinkedHashMap<>();
        for (Finding f : result.findings()) {
            ruleIndex.putIfAbsent(f.rule(), ruleIndex.size());
        }
        json.writeStartObject();
        json.writeStringField("$schema", SCHEMA);
        json.writeStringField("version", "2.1.0");
        json.writeArrayFieldStart("runs");
        json.writeStartObject();
        json.writeObjectFieldStart("tool");
        json.writeObjectFieldStart("driver");
        json.writeStringField("name", tool.name());
        json.writeStringField("version", tool.version());
        if (tool.informationUri() != null) {
            json.writeStringField("informationUri", tool.informationUri());
        }
        json.writeArrayFieldStart("rules");
        for (Rule rule : ruleIndex.keySet()) {
            writeRule(rule, tool, json);
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();
        json.writeArrayFieldStart("results");
        for (Finding f : result.findings()) {
            writeResult(f, ruleIndex.get(f.rule()), json);
        }
        json.writeEndArray();
        json.writeArrayFieldStart("artifacts");
        for (String file : result.files()) {
            json.writeStartObject();
            json.writeObjectFieldStart("location");
            json.writeStringField("uri", uri(file));
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeRule(Rule rule, ToolInfo tool, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("id", rule.id());
        json.writeStringField("name", rule.id());
        writeText("shortDescription", rule.title(), json);
        if (tool.ruleUri(rule.id()) != null) {
            json.writeStringField("helpUri", tool.ruleUri(rule.id()));
        }
        writeText("help", "See " + rule.docPath() + " in the pgmigrate documentation.", json);
        json.writeObjectFieldStart("defaultConfiguration");
        json.writeStringField("level", level(rule.defaultSetting()));
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void writeResult(Finding f, int ruleIndex, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeStringField("ruleId", f.rule().id());
        json.writeNumberField("ruleIndex", ruleIndex);
        json.writeStringField("level", f.severity().id());
        writeText("message", f.text(), json);
        if (f.measured() != null) {
            json.writeObjectFieldStart("properties");
            json.writeBooleanField("measured", true);
            json.writeStringField("observed", f.measured());
            json.writeEndObject();
        }
        json.writeArrayFieldStart("locations");
        json.writeStartObject();
        json.writeObjectFieldStart("physicalLocation");
        json.writeObjectFieldStart("artifactLocation");
        json.writeStringField("uri", uri(f.file()));
        json.writeEndObject();
        json.writeObjectFieldStart("region");
        json.writeNumberField("startLine", f.line());
        json.writeNumberField("startColumn", f.column());
        json.writeNumberField("endLine", f.endLine());
        json.writeNumberField("endColumn", f.endColumn());
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndArray();
        json.writeEndObject();
    }

    /** SARIF's message object: {@code "field" : {"text" : text}}. */
    private static void writeText(String field, String text, JsonGenerator json) throws IOException {
        json.writeObjectFieldStart(field);
        json.writeStringField("text", text);
        json.writeEndObject();
    }

    private static String level(RuleSetting setting) {
        return switch (setting) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case OFF -> "none";
        };
    }

    /** A relative URI reference: forward slashes, characters outside the unreserved set percent-encoded. */
    static String uri(String path) {
        StringBuilder uri = new StringBuilder();
        for (byte b : path.replace('\\', '/').getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/".indexOf(c) >= 0) {
                uri.append(c);
            } else {
                uri.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return uri.toString();
    }
}
