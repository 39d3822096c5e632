package io.github.pgmigrate.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.lint.LintGate;
import io.github.pgmigrate.lint.LintOptions;
import io.github.pgmigrate.lint.LintScope;
import io.github.pgmigrate.testing.RecordingOutput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lint facade the Mojo calls: what it logs, writes and annotates, and when its gate fails the run. */
class LintCommandTest {
    private static final String TIMEOUTS = "SET lock_timeout = '2s';\nSET statement_timeout = '1min';\n";

    @TempDir
    Path project;

    private LintCommand.Request request(LintScope scope, LintGate gate) throws Exception {
        Path migrations = Files.createDirectories(project.resolve("migrations"));
        Files.writeString(migrations.resolve("1_a.sql"), "CREATE TABLE a (id bigint);\n");
        Files.writeString(migrations.resolve("2_b.sql"), TIMEOUTS + "CREATE INDEX a_id ON a (id);\n");
        return new LintCommand.Request(MigrationDirectory.load(migrations), scope, LintOptions.defaults(), gate,
                List.of(ReportFormat.JSON), project.resolve("target/pgmigrate"), ToolInfo.pgmigrate("1.0"),
                p -> project.relativize(p.toAbsolutePath()).toString(),
                p -> project.relativize(p.toAbsolutePath()).toString());
    }

    @Test
    void logsTheLintedFilesEachFindingTheReportsAndTheSummary() throws Exception {
        RecordingOutput out = new RecordingOutput();
        List<String> annotations = new ArrayList<>();

        LintCommand.run(request(new LintScope.Latest(1), LintGate.NEVER), out, annotations::add);

        assertThat(out.lines()).hasSize(4);
        assertThat(out.lines().get(0)).isEqualTo("Linting the last 1 file(s): migrations/2_b.sql");
        assertThat(out.lines().get(1)).startsWith("WARN migrations/2_b.sql:3:1: error require-concurrent-index-creation");
        assertThat(out.lines().get(2)).isEqualTo("Lint reports: target/pgmigrate/lint.json");
        assertThat(out.lines().get(3)).startsWith("Linted 3 statement(s) in 1 file(s) of migrations for PostgreSQL 17 in ")
                .endsWith(" ms: 1 error and 0 warnings");
        assertThat(annotations).singleElement().asString().startsWith("::error file=migrations/2_b.sql,line=3");
        assertThat(project.resolve("target/pgmigrate/lint.json")).isRegularFile();
    }

    @Test
    void theGateFailsTheRunAfterEverythingIsWritten() throws Exception {
        RecordingOutput out = new RecordingOutput();

        assertThatThrownBy(() -> LintCommand.run(request(new LintScope.All(), LintGate.ERROR), out, null))
                .isInstanceOf(PgMigrateException.class)
                .hasMessageStartingWith("pgmigrate:lint found 1 error and 0 warnings (failOn=error)");
        assertThat(out.text()).doesNotContain("Linting ").contains("Lint reports: target/pgmigrate/lint.json",
                "Linted 4 statement(s) in 2 file(s) of migrations");
    }
}
