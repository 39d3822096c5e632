package io.github.pgmigrate.validate;

import io.github.pgmigrate.checksum.SumFile;
import java.util.List;

/**
 * The problems found in a migration directory, errors first in file order.
 *
 * @param computedSum the atlas.sum of the files as they are, computed once for the check and for whoever needs it next
 */
public record ValidationReport(int fileCount, List<Problem> problems, SumFile computedSum) {

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
