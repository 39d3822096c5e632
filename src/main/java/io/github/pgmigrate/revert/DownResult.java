package io.github.pgmigrate.revert;

import java.util.List;

/**
 * What {@code down} did.
 *
 * @param from     the newest applied version before the run
 * @param to       the version the database is at afterwards (or would be, in a dry run); null: none applied
 * @param reverted the reverted migration files, the newest first (planned only, in a dry run)
 * @param dryRun   whether nothing was changed
 */
public record DownResult(String from, String to, List<String> reverted, boolean dryRun) {
    public DownResult {
        reverted = List.copyOf(reverted);
    }
}
