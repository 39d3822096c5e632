package io.github.pgmigrate.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.pgmigrate.lint.Finding;
import io.github.pgmigrate.lint.LintResult;
import io.github.pgmigrate.lint.Rule;
import io.github.pgmigrate.lint.RuleSetting;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run as a SARIF 2.1.0 log (GitHub code scanning reads it): one run, the rules that fired in
 * {@code tool.driver.rules}, one result per finding with its file (relative URI) and 1-based line and column.
 */
public final class SarifReport {
    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SarifReport() {
    }

    public static ObjectNode toSarif(LintResult result, ToolInfo tool) {
        ObjectNode log = MAPPER.createObjectNode();
        log.put("$schema", SCHEMA);
        log.put("version", "2.1.0");
        ObjectNode run = log.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", tool.name());
        driver.put("version", tool.version());
        if (tool.informationUri() != null) {
            driver.put("informationUri", tool.informationUri());
        }
        Map<Rule, Integer> ruleIndex = new LinkedHashMap<>();
        List<Rule> fired = new ArrayList<>();
        for (Finding f : result.findings()) {
            if (!ruleIndex.containsKey(f.rule())) {
                ruleIndex.put(f.rule(), fired.size());
                fired.add(f.rule());
            }
        }
        ArrayNode rules = driver.putArray("rules");
        for (Rule rule : fired) {
            ObjectNode r = rules.addObject();
            r.put("id", rule.id());
            r.put("name", rule.id());
            r.putObject("shortDescription").put("text", rule.title());
            if (tool.ruleUri(rule.id()) != null) {
                r.put("helpUri", tool.ruleUri(rule.id()));
            }
            r.putObject("help").put("text", "See " + rule.docPath() + " in the pgmigrate documentation.");
            r.putObject("defaultConfiguration").put("level", level(rule.defaultSetting()));
        }
        ArrayNode results = run.putArray("results");
        for (Finding f : result.findings()) {
            ObjectNode r = results.addObject();
            r.put("ruleId", f.rule().id());
            r.put("ruleIndex", ruleIndex.get(f.rule()));
            r.put("level", f.severity().id());
            r.putObject("message").put("text", f.text());
            if (f.measured() != null) {
                ObjectNode properties = r.putObject("properties");
                properties.put("measured", true);
                properties.put("observed", f.measured());
            }
            ObjectNode physical = r.putArray("locations").addObject().putObject("physicalLocation");
            physical.putObject("artifactLocation").put("uri", uri(f.file()));
            ObjectNode region = physical.putObject("region");
            region.put("startLine", f.line());
            region.put("startColumn", f.column());
        }
        ArrayNode artifacts = run.putArray("artifacts");
        for (String file : result.files()) {
            artifacts.addObject().putObject("location").put("uri", uri(file));
        }
        return log;
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

    public static void write(LintResult result, ToolInfo tool, OutputStream out) throws IOException {
        MAPPER.writeValue(out, toSarif(result, tool));
    }
}
