package io.github.pgmigrate.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where a database stands against a migration directory, in Atlas's {@code migrate status} terms plus a row per
 * version.
 *
 * @param current           the last applied version, or {@code No migration applied yet}
 * @param next              the first pending version, or {@code Already at latest version}
 * @param nextIsCheckpoint  whether the next file is a checkpoint on a database without history
 * @param executed          revision rows (including baseline and manually set ones)
 * @param pending           pending files
 * @param outOfOrder        files added below the applied history
 * @param lastPartial       whether the last revision did not run to its end
 * @param appliedStatements statements of the last, partial file that were applied
 * @param totalStatements   statements in that file (0 when the last file is not partial)
 * @param error             the last attempt's error, or null
 * @param errorStatement    the statement it failed on, or null
 * @param outOfOrderError   the out-of-order error apply would raise, or null
 * @param changed           applied files whose atlas.sum hash differs from the one they ran with, in file order
 * @param rows              one row per file and per revision without a file, in version order
 * @param supabase          Supabase CLI's history beside Atlas's revisions; null when the database has none
 */
public record StatusReport(String current, String next, boolean nextIsCheckpoint, int executed, int pending,
                           int outOfOrder, boolean lastPartial, long appliedStatements, long totalStatements,
                           String error, String errorStatement, String outOfOrderError, List<ChangedFile> changed,
                           List<Row> rows, SupabaseSideBySide supabase) {

    public static final String NONE_APPLIED = "No migration applied yet";
    public static final String UP_TO_DATE = "Already at latest version";

    public StatusReport {
        changed = List.copyOf(changed);
        rows = List.copyOf(rows);
    }

    /** PENDING when something is left to apply, else CHANGED when an applied file was edited, else OK. */
    public String state() {
        return !isUpToDate() ? "PENDING" : changed.isEmpty() ? "OK" : "CHANGED";
    }

    /** Why {@code failIfPending} fails the build: something pending, or applied files edited; empty when neither. */
    public Optional<String> gateFailure() {
        List<String> reasons = new ArrayList<>();
        if (!isUpToDate()) {
            reasons.add("the database is not up to date: " + (pending + outOfOrder) + " migration(s) pending"
                    + (lastPartial ? ", the last one partially applied" : "") + " (next: " + next + ")."
                    + " Run mvn pgmigrate:apply against it");
        }
        if (!changed.isEmpty()) {
            reasons.add(changed.size() + " applied migration file(s) changed since they ran ("
                    + changed.stream().map(ChangedFile::name).collect(Collectors.joining(", ")) + "). Restore them"
                    + " (git checkout) and put the change in a new migration, or, if the edit is intended, record"
                    + " the current hashes with mvn pgmigrate:repair");
        }
        return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", reasons));
    }

    /** OK when nothing is pending and nothing is half done. */
    public boolean isUpToDate() {
        return pending == 0 && outOfOrder == 0 && !lastPartial;
    }

    /**
     * An applied file edited since it ran.
     *
     * @param name        the file name
     * @param version     its version
     * @param appliedHash the atlas.sum hash it ran with (without {@code h1:})
     * @param currentHash its atlas.sum hash now
     * @param unappliedBefore a never applied file sorted just before it, whose addition also explains the change;
     *                        or null
     */
    public record ChangedFile(String name, String version, String appliedHash, String currentHash,
                              String unappliedBefore) {
    }

    /**
     * One version.
     *
     * @param version     the version
     * @param description its description
     * @param state       applied, pending, partially applied, baseline, manually set, out of order, skipped, or
     *                    "no file" for a revision whose file is gone, "file changed" for an applied file edited since
     * @param executedAt  when it ran (ISO-8601, UTC), or empty
     * @param millis      how long it took in ms, or -1
     * @param statements  "applied/total", or the statement count of a pending file
     */
    public record Row(String version, String description, String state, String executedAt, long millis,
                      String statements) {
    }
}
