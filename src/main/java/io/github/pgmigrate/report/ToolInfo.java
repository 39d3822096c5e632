package io.github.pgmigrate.report;

/**
 * Who produced a report, for the reports' tool sections.
 *
 * @param name           the tool name
 * @param version        its version
 * @param informationUri where the rule documentation lives (rule pages are {@code <uri>/<rule-id>.md})
 */
public record ToolInfo(String name, String version, String informationUri) {
    public static final String DOCS = "https://github.com/pgmigrate/pgmigrate-maven-plugin/blob/main/docs/lint";

    public static ToolInfo pgmigrate(String version) {
        return new ToolInfo("pgmigrate", version, DOCS);
    }

    public String ruleUri(String ruleId) {
        return informationUri + "/" + ruleId + ".md";
    }
}
