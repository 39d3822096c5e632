package io.github.pgmigrate.report;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.lint.FindingSeverity;
import io.github.pgmigrate.lint.LintGate;
import io.github.pgmigrate.lint.LintOptions;
import io.github.pgmigrate.lint.LintResult;
import io.github.pgmigrate.lint.LintRun;
import io.github.pgmigrate.lint.replay.LintReplay;
import io.github.pgmigrate.lint.LintScope;
import io.github.pgmigrate.output.Output;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code pgmigrate:lint} without Maven: lints the files the scope selects, says which those were, logs every finding,
 * writes the report files and (in GitHub Actions) the annotations, logs the summary and applies the gate.
 */
public final class LintCommand {

    /**
     * @param findingPath how findings name a file: relative to the repository root, as annotations and SARIF need
     * @param shownPath   how the log names the directory and the report files: relative to the project
     */
    public record Request(MigrationDirectory directory, LintScope scope, LintOptions options, LintGate gate,
                          List<ReportFormat> formats, Path outputDirectory, ToolInfo tool,
                          Function<Path, String> findingPath, Function<Path, String> shownPath) {
    }

    private LintCommand() {
    }

    /**
     * @param workflowCommands receives GitHub Actions workflow commands, which must start a line of the process's
     *                         output; null when not running in GitHub Actions
     * @return the result, when the gate lets it pass
     */
    public static LintResult run(Request request, Output out, Consumer<String> workflowCommands)
            throws PgMigrateException, IOException {
        return run(request, null, out, workflowCommands);
    }

    /** @param replay where to replay the linted files and measure their locks and rewrites, or null */
    public static LintResult run(Request request, LintReplay.Request replay, Output out,
                                 Consumer<String> workflowCommands) throws PgMigrateException, IOException {
        long start = System.nanoTime();
        if (replay != null) {
            out.info("Replaying the linted files on the " + replay.server().description()
                    + " to measure their locks and rewrites");
        }
        LintResult result = LintRun.run(request.directory(), request.scope(), request.options(), request.findingPath(),
                replay);
        long lintMillis = (System.nanoTime() - start) / 1_000_000;

        if (!(request.scope() instanceof LintScope.All)) {
            out.info("Linting " + request.scope().describe() + ": "
                    + (result.files().isEmpty() ? "none" : String.join(", ", result.files())));
        }
        ReportWriter.Content content = ReportWriter.Content.of(result, request.tool(), request.gate().failing());
        List<Path> written;
        // The report files are written on threads of their own while this thread logs: Maven's log is this thread's.
        try (ReportWriter.Writing reports = ReportWriter.start(content, request.formats(), request.outputDirectory())) {
            for (int i = 0; i < result.findings().size(); i++) {
                if (result.findings().get(i).severity() == FindingSeverity.ERROR) {
                    out.error(content.logLines().get(i));
                } else {
                    out.warn(content.logLines().get(i));
                }
            }
            if (workflowCommands != null) {
                GitHubAnnotations.lines(result).forEach(workflowCommands);
            }
            written = reports.finish();
        }
        if (!written.isEmpty()) {
            out.info("Lint reports: " + written.stream().map(request.shownPath()).collect(Collectors.joining(", ")));
        }
        out.info("Linted " + result.statements() + " statement(s) in " + result.files().size() + " file(s) of "
                + request.shownPath().apply(request.directory().path()) + " for PostgreSQL "
                + request.options().pgVersion() + " in " + lintMillis + " ms: " + LintGate.counts(result));
        if (request.gate().fails(result)) {
            throw new PgMigrateException("pgmigrate:lint found " + LintGate.counts(result) + " (failOn="
                    + request.gate().id() + "); fix the migrations, suppress a reviewed finding with"
                    + " -- pgmigrate:ignore <rule>, or change the rule's level. Rules: docs/lint/index.md", null);
        }
        return result;
    }
}
