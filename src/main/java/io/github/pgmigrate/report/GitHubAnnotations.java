package io.github.pgmigrate.report;

import io.github.pgmigrate.lint.Finding;
import io.github.pgmigrate.lint.LintResult;
import io.github.pgmigrate.lint.FindingSeverity;
import java.util.List;

/**
 * GitHub Actions workflow commands ({@code ::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message}) that turn findings into
 * annotations on the pull request. Printed only when {@code GITHUB_ACTIONS=true}.
 */
public final class GitHubAnnotations {

    private GitHubAnnotations() {
    }

    public static boolean enabled(java.util.Map<String, String> environment) {
        return "true".equals(environment.get("GITHUB_ACTIONS"));
    }

    public static List<String> lines(LintResult result) {
        return result.findings().stream().map(GitHubAnnotations::line).toList();
    }

    static String line(Finding f) {
        String command = f.severity() == FindingSeverity.ERROR ? "error" : "warning";
        // GitHub counts the end column inclusively and honours it only on a single-line annotation.
        String end = ",endLine=" + f.endLine() + (f.endLine() == f.line() ? ",endColumn=" + (f.endColumn() - 1) : "");
        return "::" + command + " file=" + property(f.file()) + ",line=" + f.line() + ",col=" + f.column() + end
                + ",title=" + property(f.rule().id()) + "::" + data(f.text());
    }

    /** Escapes message data as the Actions runner expects. */
    static String data(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escapes a property value, which additionally may not contain {@code :} or {@code ,}. */
    static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }
}
