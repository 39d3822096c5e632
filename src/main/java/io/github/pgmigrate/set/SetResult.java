package io.github.pgmigrate.set;

import java.util.List;

/**
 * What {@code set} changed.
 *
 * @param version the version the history now ends at
 * @param added   versions recorded as applied without running them ({@code version (description)})
 * @param removed versions whose revisions were deleted
 * @param resolved the partially applied version marked as dealt with, or null
 */
public record SetResult(String version, List<String> added, List<String> removed, String resolved) {
    public SetResult {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
    }

    public boolean changedNothing() {
        return added.isEmpty() && removed.isEmpty() && resolved == null;
    }
}
