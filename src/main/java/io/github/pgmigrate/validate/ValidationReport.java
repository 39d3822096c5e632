package io.github.pgmigrate.validate;

import java.util.List;

/** The problems found in a migration directory, errors first in file order. */
public record ValidationReport(int fileCount, List<Problem> problems) {

    public ValidationReport {
        problems = List.copyOf(problems);
    }

    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    public List<Problem> warnings() {
        return problems.stream().filter(p -> !p.isError()).toList();
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }
}
