package io.github.pgmigrate.lint;

import io.github.pgmigrate.directory.MigrationFile;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Lints migration files with the rules documented in docs/lint. */
public final class Linter {
    private final LintOptions options;

    public Linter(LintOptions options) {
        this.options = options;
    }

    /** Lints one file; findings name it {@code displayPath}. */
    public List<Finding> lint(MigrationFile file, String displayPath) {
        return new FileLinter(options).lint(file, displayPath).findings();
    }

    /** Lints the files in order; {@code displayPath} says how each file is named in findings. */
    public LintResult lint(List<MigrationFile> files, Function<MigrationFile, String> displayPath) {
        List<Finding> findings = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int statements = 0;
        for (MigrationFile file : files) {
            FileLinter.Result result = new FileLinter(options).lint(file, displayPath.apply(file));
            findings.addAll(result.findings());
            names.add(displayPath.apply(file));
            statements += result.statements();
        }
        return new LintResult(findings, names, statements);
    }
}
