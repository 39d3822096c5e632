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

    /**
     * Lints the files, in parallel (each file is linted on its own, with nothing shared), and returns the findings in
     * file order; {@code displayPath} says how each file is named in findings.
     */
    public LintResult lint(List<MigrationFile> files, Function<MigrationFile, String> displayPath) {
        List<String> names = files.stream().map(displayPath).toList();
        List<FileLinter.Result> results = java.util.stream.IntStream.range(0, files.size()).parallel()
                .mapToObj(i -> new FileLinter(options).lint(files.get(i), names.get(i))).toList();
        List<Finding> findings = new ArrayList<>();
        int statements = 0;
        for (FileLinter.Result result : results) {
            findings.addAll(result.findings());
            statements += result.statements();
        }
        return new LintResult(findings, names, statements);
    }
}
