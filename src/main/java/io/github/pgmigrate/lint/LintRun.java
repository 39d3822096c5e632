package io.github.pgmigrate.lint;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.directory.MigrationDirectory;
import java.nio.file.Path;
import java.util.ArrayList;
import io.github.pgmigrate.lint.replay.LintReplay;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
        return run(directory, scope, options, displayPath, null);
    }

    /**
     * @param replay where to replay the linted files and observe their locks and rewrites, or null for static
     *               lint only
     */
    public static LintResult run(MigrationDirectory directory, LintScope scope, LintOptions options,
                                 Function<Path, String> displayPath, LintReplay.Request replay)
            throws PgMigrateException {
        ScopeSelection selection = ScopeSelection.select(directory, scope, displayPath);
        LintResult linted = new Linter(options).lint(selection.files(), f -> displayPath.apply(directory.pathOf(f)));
        List<Finding> findings = new ArrayList<>();
        for (Finding f : selection.findings()) {
            RuleSetting setting = options.configured(f.rule()).orElse(f.rule().defaultSetting());
            setting.severity().ifPresent(severity -> findings.add(
                    new Finding(f.rule(), severity, f.file(), f.line(), f.column(), f.message(), f.fix())));
        }
        List<Finding> fileFindings = linted.findings();
        if (replay != null) {
            Set<String> names = new HashSet<>();
            selection.files().forEach(f -> names.add(f.name()));
            LintReplay.ReplayResult observed = LintReplay.run(replay.server(), directory, names, replay.seed());
            fileFindings = MeasuredFindings.refine(fileFindings, observed.observations(),
                    name -> displayPath.apply(directory.path().resolve(name)), options, observed.serverMajor());
        }
        findings.addAll(fileFindings);
        return new LintResult(findings, linted.files(), linted.statements());
    }
}
