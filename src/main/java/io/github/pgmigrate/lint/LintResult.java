package io.github.pgmigrate.lint;

import java.util.List;

/**
 * The outcome of one lint run.
 *
 * @param findings   every finding, in file order
 * @param files      the files that were linted
 * @param statements how many statements were linted
 */
public record LintResult(List<Finding> findings, List<String> files, int statements) {

    public LintResult {
        findings = List.copyOf(findings);
        files = List.copyOf(files);
    }

    public long count(FindingSeverity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    public long errors() {
        return count(FindingSeverity.ERROR);
    }

    public long warnings() {
        return count(FindingSeverity.WARNING);
    }
}
