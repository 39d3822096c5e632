package io.github.pgmigrate.report;

import io.github.pgmigrate.lint.Finding;
import io.github.pgmigrate.lint.FindingSeverity;
import io.github.pgmigrate.lint.LintResult;
import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The run as a Surefire-style JUnit XML report ({@code TEST-pgmigrate.lint.xml}), which Jenkins, GitLab and GitHub
 * test reporters read: one test case per finding that fails the gate (with a {@code <failure>}), one per other
 * finding (passing, the finding in {@code <system-out>}), and one passing case per file without findings.
 * Written as text: the JDK's {@code XMLStreamWriter} took three quarters of the report's time in a build's fresh JVM.
 */
public final class JUnitReport {
    static final String SUITE = "pgmigrate.lint";

    private JUnitReport() {
    }

    /**
     * @param logLines each finding's {@link Finding#logLine()}, in the order of {@code result.findings()}
     * @param failing  the severities that fail the gate; findings of these become failures
     */
    public static void write(LintResult result, List<String> logLines, Set<FindingSeverity> failing, Writer xml)
            throws IOException {
        List<Finding> findings = result.findings();
        long failures = findings.stream().filter(f -> failing.contains(f.severity())).count();
        Set<String> withFindings = findings.stream().map(Finding::file).collect(Collectors.toSet());
        List<String> cleanFiles = result.files().stream().filter(file -> !withFindings.contains(file)).toList();
        xml.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite");
        XmlText.attribute(xml, "name", SUITE);
        XmlText.attribute(xml, "tests", Integer.toString(findings.size() + cleanFiles.size()));
        XmlText.attribute(xml, "failures", Long.toString(failures));
        xml.write(" errors=\"0\" skipped=\"0\" time=\"0\">\n");
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            // Test names must be unique per class for reporters to keep them apart (e.g. two findings of one rule on one element).
            String name = f.line() + ":" + f.column() + " " + f.rule().id();
            int occurrence = seen.merge(f.file() + "\n" + name, 1, Integer::sum);
            xml.write("  <testcase");
            XmlText.attribute(xml, "classname", f.file());
            XmlText.attribute(xml, "name", occurrence == 1 ? name : name + " (" + occurrence + ")");
            xml.write(" time=\"0\">");
            if (failing.contains(f.severity())) {
                xml.write("<failure");
                XmlText.attribute(xml, "message", f.text());
                XmlText.attribute(xml, "type", f.rule().id());
                xml.write('>');
                XmlText.content(xml, logLines.get(i));
                xml.write("</failure>");
            } else {
                xml.write("<system-out>");
                XmlText.content(xml, logLines.get(i));
                xml.write("</system-out>");
            }
            xml.write("</testcase>\n");
        }
        for (String file : cleanFiles) {
            xml.write("  <testcase");
            XmlText.attribute(xml, "classname", file);
            xml.write(" name=\"no findings\" time=\"0\"/>\n");
        }
        xml.write("</testsuite>");
    }
}
