package io.github.pgmigrate.report;

/**
 * Who produced a report, for the reports' tool sections.
 *
 * @param name           the tool name
 * @param version        its version
 * @param informationUri where the rule documentation is published ({@code <uri>/<rule-id>.md}), or null when it is
 *                       not known; reports then name the rule page by its path in the pgmigrate sources
 */
public record ToolInfo(String name, String version, String informationUri) {

    public static ToolInfo pgmigrate(String version) {
        return new ToolInfo("pgmigrate", version, null);
    }

    /** The rule page's address, or null without {@link #informationUri()}. */
    public String ruleUri(String ruleId) {
        return informationUri == null ? null : informationUri + "/" + ruleId + ".md";
    }
}
