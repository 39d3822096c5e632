package io.github.pgmigrate.revisions;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One row of atlas_schema_revisions.
 *
 * @param version             the file version (primary key)
 * @param description         the file description; never changed after the first write
 * @param type                bit flags, see {@link RevisionType}
 * @param applied             statements of the file applied so far
 * @param total               statements in the file when it was first executed; 0 for baseline and set rows
 * @param executedAt          time of the first write; never changed after it
 * @param executionTimeNanos  how long the execution took, in nanoseconds
 * @param error               the last error, {@code ""} when none
 * @param errorStatement      the statement that failed, {@code ""} when none
 * @param hash                the file's atlas.sum hash (without {@code h1:}) when it was applied; {@code ""} for a
 *                            baseline
 * @param partialHashes       {@code h1:} running hashes of the applied statements of a partially applied file;
 *                            null once the file completed
 * @param operatorVersion     who wrote it, e.g. {@code Atlas CLI v0.38.0} or {@code pgmigrate 0.1.0}
 */
public record Revision(String version, String description, long type, long applied, long total,
                       OffsetDateTime executedAt, long executionTimeNanos, String error, String errorStatement,
                       String hash, List<String> partialHashes, String operatorVersion) {

    /** How {@code error} begins while a statement that cannot run in a transaction is in flight. */
    public static final String IN_FLIGHT = "pgmigrate: in flight: ";

    public Revision {
        error = error == null ? "" : error;
        errorStatement = errorStatement == null ? "" : errorStatement;
        hash = hash == null ? "" : hash;
        partialHashes = partialHashes == null ? null : List.copyOf(partialHashes);
    }

    /** Whether the file did not run to its end (a failed or interrupted non-transactional file). */
    public boolean isPartial() {
        return applied != total;
    }

    public boolean hasError() {
        return !error.isEmpty();
    }

    /**
     * Whether a run started statement {@code applied + 1}, which cannot run in a transaction, and stopped before it
     * recorded the outcome. The marker lives in Atlas's own columns: {@code error} starts with {@link #IN_FLIGHT}
     * and {@code error_stmt} holds the statement, so Atlas shows it as the last error.
     */
    public boolean isInFlight() {
        return isPartial() && error.startsWith(IN_FLIGHT);
    }

    /** Atlas's Resolved bit: {@code migrate set} marked it as dealt with. */
    public boolean isResolved() {
        return RevisionType.has(type, RevisionType.RESOLVED);
    }

    public Revision withProgress(long newApplied, List<String> newPartialHashes, String newError,
                                 String newErrorStatement, long nanos) {
        return new Revision(version, description, type, newApplied, total, executedAt, nanos, newError,
                newErrorStatement, hash, newPartialHashes, operatorVersion);
    }

    /** The row of a file that ran to its end with {@code statements} statements. */
    public Revision completed(long statements, long nanos, String newHash, String newOperatorVersion) {
        return new Revision(version, description, type, statements, statements, executedAt, nanos, "", "", newHash,
                null, newOperatorVersion);
    }

    /** {@code <version>_<description>.sql}, as Atlas names a revision's file in messages. */
    public String fileName() {
        return description.isEmpty() ? version + ".sql" : version + "_" + description + ".sql";
    }
}
