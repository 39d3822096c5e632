package io.github.pgmigrate.apply;

import java.util.List;

/**
 * What an apply run did.
 *
 * @param applied      the files that ran (or, in a dry run, would have run), in order
 * @param fromVersion  the last applied version before the run, or null
 * @param toVersion    the last applied version after the run (in a dry run: what it would be), or null
 * @param statements   statements executed (or printed, in a dry run)
 * @param nanos        wall time of the run
 * @param dryRun       whether nothing was executed
 */
public record ApplyResult(List<AppliedFile> applied, String fromVersion, String toVersion, int statements,
                          long nanos, boolean dryRun) {

    public ApplyResult {
        applied = List.copyOf(applied);
    }

    /** Whether there was nothing to do. */
    public boolean nothingPending() {
        return applied.isEmpty();
    }

    /**
     * One file of the run.
     *
     * @param name       the file name
     * @param version    its version
     * @param statements statements executed
     * @param nanos      how long it took
     */
    public record AppliedFile(String name, String version, int statements, long nanos) {
    }
}
