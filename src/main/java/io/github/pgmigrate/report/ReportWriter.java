package io.github.pgmigrate.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.pgmigrate.lint.Finding;
import io.github.pgmigrate.lint.FindingSeverity;
import io.github.pgmigrate.lint.LintResult;
import io.github.pgmigrate.output.JsonFile;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Writes the report files of one lint run into a directory (the Mojo uses {@code target/pgmigrate}), each on a thread
 * of its own, while the caller logs the findings.
 */
public final class ReportWriter {

    /**
     * What the reports say.
     *
     * @param logLines each finding's {@link Finding#logLine()}, in the order of the findings: the log shows the same
     * @param failing  the severities that fail the gate
     */
    public record Content(LintResult result, List<String> logLines, ToolInfo tool, Set<FindingSeverity> failing) {

        public static Content of(LintResult result, ToolInfo tool, Set<FindingSeverity> failing) {
            return new Content(result, result.findings().stream().map(Finding::logLine).toList(), tool, failing);
        }
    }

    /** The report files being written; {@link #finish()} waits for them. */
    public static final class Writing implements AutoCloseable {
        private final List<FutureTask<Path>> files;

        private Writing(List<FutureTask<Path>> files) {
            this.files = files;
        }

        /** The files written, in the order the formats were given; the first failure, naming its file, otherwise. */
        public List<Path> finish() throws IOException {
            List<Path> written = new ArrayList<>();
            for (FutureTask<Path> file : files) {
                try {
                    written.add(file.get());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while writing the lint reports");
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof IOException io) {
                        throw io;
                    }
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw (Error) e.getCause();
                }
            }
            return written;
        }

        /** Waits for the writers, also when the caller failed before {@link #finish()}, so none outlives the run. */
        @Override
        public void close() {
            for (FutureTask<Path> file : files) {
                try {
                    file.get();
                } catch (ExecutionException e) {
                    // finish() reports the first failure; the caller's own failure comes before any here
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private ReportWriter() {
    }

    /** Starts writing each format to {@code directory/<format file name>}. */
    public static Writing start(Content content, Collection<ReportFormat> formats, Path directory) throws IOException {
        Files.createDirectories(directory);
        List<FutureTask<Path>> files = new ArrayList<>();
        for (ReportFormat format : formats) {
            FutureTask<Path> file = new FutureTask<>(() -> write(content, format, directory.resolve(format.fileName())));
            Thread writer = new Thread(file, "pgmigrate-lint-" + format.id());
            writer.setDaemon(true);
            writer.start();
            files.add(file);
        }
        return new Writing(files);
    }

    private static Path write(Content content, ReportFormat format, Path target) throws IOException {
        try {
            // Written next to the target and moved into place, so a reader never sees half a report.
            Path temporary = Files.createTempFile(target.getParent(), format.fileName(), ".tmp");
            try {
                switch (format) {
                    case JSON -> writeJson(temporary, json -> JsonReport.write(content.result(), content.tool(), json));
                    case SARIF -> writeJson(temporary, json -> SarifReport.write(content.result(), content.tool(), json));
                    case JUNIT -> {
                        try (Writer xml = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                            JUnitReport.write(content.result(), content.logLines(), content.failing(), xml);
                        }
                    }
                }
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary); // there only when the report failed
            }
            return target;
        } catch (IOException e) {
            throw new IOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    private static void writeJson(Path file, JsonFile.JsonWriter report) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); JsonGenerator json = JsonFile.generator(out)) {
            report.write(json);
        }
    }
}
