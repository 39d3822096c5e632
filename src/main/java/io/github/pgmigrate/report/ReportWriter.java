package io.github.pgmigrate.report;

import io.github.pgmigrate.lint.LintResult;
import io.github.pgmigrate.lint.FindingSeverity;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLStreamException;

/** Writes the report files of one lint run into a directory (the Mojo uses {@code target/pgmigrate}). */
public final class ReportWriter {

    private ReportWriter() {
    }

    /** Writes each format to {@code directory/<format file name>} and returns the files written. */
    public static List<Path> write(LintResult result, ToolInfo tool, Set<FindingSeverity> failing,
                                   Collection<ReportFormat> formats, Path directory) throws IOException {
        Files.createDirectories(directory);
        List<Path> written = new ArrayList<>();
        for (ReportFormat format : formats) {
            Path target = directory.resolve(format.fileName());
            // Written next to the target and moved into place, so a reader never sees half a report.
            Path temporary = Files.createTempFile(directory, format.fileName(), ".tmp");
            // Buffered: the XML writer hands over a few bytes at a time, one system call each without it.
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary), 1 << 16)) {
                switch (format) {
                    case JSON -> JsonReport.write(result, tool, out);
                    case SARIF -> SarifReport.write(result, tool, out);
                    case JUNIT -> JUnitReport.write(result, failing, out);
                }
            } catch (XMLStreamException e) {
                Files.deleteIfExists(temporary);
                throw new IOException("cannot write " + target + ": " + e.getMessage(), e);
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            written.add(target);
        }
        return written;
    }
}
