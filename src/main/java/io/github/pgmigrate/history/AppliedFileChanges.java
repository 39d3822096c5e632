package io.github.pgmigrate.history;

import io.github.pgmigrate.checksum.SumFile;
import io.github.pgmigrate.directory.MigrationFile;
import io.github.pgmigrate.revisions.Revision;
import io.github.pgmigrate.revisions.RevisionType;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds an applied migration whose file changed since it ran (Atlas does not look). The revisions table stores each
 * file's atlas.sum hash from when it ran; atlas.sum chains its hashes, so once one file differs every later one does
 * too. The first applied file that differs is therefore the one reported, together with any unapplied file sorted
 * just before it, which would also explain the difference.
 */
public final class AppliedFileChanges {
    private AppliedFileChanges() {
    }

    /** A description of the first changed applied file, or empty when every applied file is as it was. */
    public static Optional<String> firstChange(List<MigrationFile> files, SumFile sum, List<Revision> revisions) {
        Map<String, Revision> executed = new HashMap<>();
        Set<String> recorded = new HashSet<>();
        for (Revision revision : revisions) {
            recorded.add(revision.version());
            if (RevisionType.has(revision.type(), RevisionType.EXECUTE) && !revision.hash().isEmpty()
                    && !revision.isPartial()) {
                executed.put(revision.version(), revision);
            }
        }
        MigrationFile unappliedBefore = null;
        for (MigrationFile file : files) {
            Revision revision = executed.get(file.version());
            if (revision == null) {
                if (!recorded.contains(file.version())) {
                    unappliedBefore = file;
                }
                continue;
            }
            String now = sum.hashOf(file.name()).orElse("");
            if (!now.equals(revision.hash())) {
                String because = unappliedBefore == null ? ""
                        : " (or " + unappliedBefore.name() + ", which sorts before it and was never applied, was"
                        + " added or changed)";
                return Optional.of("applied migration " + file.name() + " has changed since it was applied on "
                        + revision.executedAt() + because + ": its atlas.sum hash was h1:" + revision.hash()
                        + " and is now h1:" + now);
            }
            unappliedBefore = null;
        }
        return Optional.empty();
    }
}
