package io.github.pgmigrate.report;

import io.github.pgmigrate.lint.Finding;
import io.github.pgmigrate.lint.LintResult;
import io.github.pgmigrate.lint.FindingSeverity;
import java.io.OutputStream;
import java.util.List;
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

    private JUnitReport() {
    }

    /**
     * @param failing the severities that fail the gate; findings of these become failures
     */
    public static void write(LintResult result, Set<FindingSeverity> failing, OutputStream out) throws XMLStreamException {
        List<Finding> findings = result.findings();
        long failures = findings.stream().filter(f -> failing.contains(f.severity())).count();
        Set<String> withFindings = findings.stream().map(Finding::file).collect(Collectors.toSet());
        List<String> cleanFiles = result.files().stream().filter(file -> !withFindings.contains(file)).toList();
        // Over a Writer the JDK's XML writer buffers; over a stream it hands each byte to the stream on its own.
        java.io.Writer text = new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8);
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
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
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        for (Finding f : findings) {
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
                xml.writeCharacters(f.logLine());
                xml.writeEndElement();
            } else {
                xml.writeStartElement("system-out");
                xml.writeCharacters(f.logLine());
                xml.writeEndElement();
            }
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
        try {
            text.flush();
        } catch (java.io.IOException e) {
            throw new XMLStreamException("cannot write the JUnit report: " + e.getMessage(), e);
        }
    }
}
