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
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The run as a Surefire-style JUnit XML report ({@code TEST-pgmigrate.lint.xml}), which Jenkins, GitLab and GitHub
 * test reporters read: one test case per finding that fails the gate (with a {@code <failure>}), one per other
 * finding (passing, the finding in {@code <system-out>}), and one passing case per file without findings.
 */
public final class JUnitReport {
    static final String SUITE = "pgmigrate.lint";
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private JUnitReport() {
    }

    /**
     * @param logLines each finding's {@link Finding#logLine()}, in the order of {@code result.findings()}
     * @param failing  the severities that fail the gate; findings of these become failures
     * @param text     a UTF-8 writer that is not an {@code OutputStreamWriter}: given one, the JDK's XML writer asks
     *                 the charset whether it can encode each character, which took most of the report's time
     */
    public static void write(LintResult result, List<String> logLines, Set<FindingSeverity> failing, Writer text)
            throws IOException {
        try {
            write(result, logLines, failing, FACTORY.createXMLStreamWriter(text));
        } catch (XMLStreamException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static void write(LintResult result, List<String> logLines, Set<FindingSeverity> failing,
                              XMLStreamWriter xml) throws XMLStreamException {
        List<Finding> findings = result.findings();
        long failures = findings.stream().filter(f -> failing.contains(f.severity())).count();
        Set<String> withFindings = findings.stream().map(Finding::file).collect(Collectors.toSet());
        List<String> cleanFiles = result.files().stream().filter(file -> !withFindings.contains(file)).toList();
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", SUITE);
        xml.writeAttribute("tests", Integer.toString(findings.size() + cleanFiles.size()));
        xml.writeAttribute("failures", Long.toString(failures));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", "0");
        xml.writeAttribute("time", "0");
        xml.writeCharacters("\n");
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            // Test names must be unique per class for reporters to keep them apart (e.g. two findings of one rule on one element).
            String name = f.line() + ":" + f.column() + " " + f.rule().id();
            int occurrence = seen.merge(f.file() + "\n" + name, 1, Integer::sum);
            xml.writeCharacters("  ");
            xml.writeStartElement("testcase");
            xml.writeAttribute("classname", f.file());
            xml.writeAttribute("name", occurrence == 1 ? name : name + " (" + occurrence + ")");
            xml.writeAttribute("time", "0");
            if (failing.contains(f.severity())) {
                xml.writeStartElement("failure");
                xml.writeAttribute("message", f.text());
                xml.writeAttribute("type", f.rule().id());
            } else {
                xml.writeStartElement("system-out");
            }
            xml.writeCharacters(logLines.get(i));
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeCharacters("\n");
        }
        for (String file : cleanFiles) {
            xml.writeCharacters("  ");
            xml.writeEmptyElement("testcase");
            xml.writeAttribute("classname", file);
            xml.writeAttribute("name", "no findings");
            xml.writeAttribute("time", "0");
            xml.writeCharacters("\n");
        }
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.flush();
    }
}
