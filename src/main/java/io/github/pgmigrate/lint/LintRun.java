package io.github.pgmigrate.lint;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.directory.MigrationDirectory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** One lint run over a migration directory: pick the files of the scope, lint them, collect every finding. */
public final class LintRun {

    private LintRun() {
    }

    /**
     * @param displayPath how paths are shown in findings (the Mojo makes them relative to the project)
     */
    public static LintResult run(MigrationDirectory directory, LintScope scope, LintOptions options,
                                 Function<Path, String> displayPath) throws PgMigrateException {
        ScopeSelection selection = ScopeSelection.select(directory, scope, displayPath);
        LintResult linted = new Linter(options).lint(selection.files(), f -> displayPath.apply(directory.pathOf(f)));
        List<Finding> findings = new ArrayList<>();
        for (Finding f : selection.findings()) {
            RuleSetting setting = options.configured(f.rule()).orElse(f.rule().defaultSetting());
            setting.severity().ifPresent(severity -> findings.add(
                    new Finding(f.rule(), severity, f.file(), f.line(), f.column(), f.message(), f.fix())));
        }
        findings.addAll(linted.findings());
        return new LintResult(findings, linted.files(), linted.statements());
    }
}
