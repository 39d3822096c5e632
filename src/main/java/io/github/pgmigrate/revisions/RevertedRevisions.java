package io.github.pgmigrate.revisions;

import java.util.List;

/**
 * What reverting a migration does to the history, in one place: Atlas's {@code migrate down} deletes the reverted
 * version's row from {@code atlas_schema_revisions} (Atlas Cloud's identifier row is never touched), so that
 * {@code status} and Atlas read the earlier version as the current one. The statements run in the same transaction
 * as the revert itself.
 */
public final class RevertedRevisions {
    private RevertedRevisions() {
    }

    /** The statements that record {@code version} as reverted. */
    public static List<String> removeSql(RevisionTable table, String version) {
        return List.of(table.deleteSql(version));
    }
}
