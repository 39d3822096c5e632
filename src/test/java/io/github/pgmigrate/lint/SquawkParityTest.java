package io.github.pgmigrate.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The linter beside Squawk on bench/lint-parity/corpus: the disagreements must be exactly the checked-in list, each
 * explained in docs/lint/parity.md. Squawk must be installed ({@code bash .ci/squawk.sh}); without it this fails.
 */
class SquawkParityTest {

    @Test
    void disagreementsWithSquawkAreTheDocumentedOnes() throws Exception {
        Path root = Path.of("").toAbsolutePath();
        List<String> lines = Files.readAllLines(root.resolve("bench/lint-parity/expected-disagreements.txt"));
        String recordedWith = lines.get(0).substring("# squawk ".length());
        SquawkCli squawk = SquawkCli.locate(root);
        assertThat(squawk.version()).as("the expected list was recorded with Squawk %s (bench/lint-parity/package.json);"
                + " install that version with bash .ci/squawk.sh", recordedWith).isEqualTo(recordedWith);

        SquawkParity.Result result = SquawkParity.compare(root,
                SquawkParity.sqlFiles(List.of(root.resolve("bench/lint-parity/corpus"))), squawk);

        List<String> expected = lines.stream().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
        List<String> added = new ArrayList<>(result.disagreements());
        added.removeAll(expected);
        List<String> gone = new ArrayList<>(expected);
        gone.removeAll(result.disagreements());
        assertThat(added).as("new disagreements with Squawk: fix them, or explain them in docs/lint/parity.md and run"
                + " bench/lint-parity/run.sh --write-expected").isEmpty();
        assertThat(gone).as("listed disagreements that no longer occur: run bench/lint-parity/run.sh --write-expected").isEmpty();
        // A comparison that finds nothing on either side would agree vacuously.
        assertThat(result.squawkFailedOn()).isEmpty();
        assertThat(result.rows().stream().mapToInt(SquawkParity.Row::both).sum()).isGreaterThanOrEqualTo(40);
        assertThat(result.rows()).extracting(SquawkParity.Row::pair).hasSizeGreaterThanOrEqualTo(20);
    }
}
