package io.github.pgmigrate.history;

import io.github.pgmigrate.checksum.SumFile;
import io.github.pgmigrate.directory.MigrationFile;
import io.github.pgmigrate.revisions.Revision;
import io.github.pgmigrate.revisions.RevisionType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds applied migrations whose atlas.sum hash changed since they ran (Atlas does not look). The revisions table
 * stores each file's atlas.sum hash from when it ran; atlas.sum chains its hashes, so once one file differs every
 * later one does too. The first applied file that differs is therefore the edited one (or an unapplied file sorted
 * just before it, which would also explain the difference); the later ones may only carry the chain.
 */
public final class AppliedFileChanges {
    private AppliedFileChanges() {
    }

    /**
     * One applied file whose hash no longer matches.
     *
     * @param file            the file as it is now
     * @param revision        its revision, holding the hash it was applied with
     * @param currentHash     its atlas.sum hash now (without {@code h1:})
     * @param unappliedBefore a file sorted just before it that was never applied, or null
     */
    public record Change(MigrationFile file, Revision revision, String currentHash, MigrationFile unappliedBefore) {
        /** E.g. "applied migration 1_a.sql has changed since it was applied on …: its atlas.sum hash was …". */
        public String describe() {
            String because = unappliedBefore == null ? ""
                    : " (or " + unappliedBefore.name() + ", which sorts before it and was never applied, was"
                    + " added or changed)";
            return "applied migration " + file.name() + " has changed since it was applied on "
                    + revision.executedAt() + because + ": its atlas.sum hash was h1:" + revision.hash()
                    + " and is now h1:" + currentHash;
        }
    }

    /** A description of the first changed applied file, or empty when every applied file is as it was. */
    public static Optional<String> firstChange(List<MigrationFile> files, SumFile sum, List<Revision> revisions) {
        return all(files, sum, revisions).stream().findFirst().map(Change::describe);
    }

    /** Every applied file whose hash differs from the one it was applied with, in file order. */
    public static List<Change> all(List<MigrationFile> files, SumFile sum, List<Revision> revisions) {
        Map<String, Revision> executed = new HashMap<>();
        Set<String> recorded = new HashSet<>();
        for (Revision revision : revisions) {
            recorded.add(revision.version());
            if (RevisionType.has(revision.type(), RevisionType.EXECUTE) && !revision.hash().isEmpty()
                    && !revision.isPartial()) {
                executed.put(revision.version(), revision);
            }
        }
        List<Change> changes = new ArrayList<>();
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
                changes.add(new Change(file, revision, now, unappliedBefore));
            }
            unappliedBefore = null;
        }
        return changes;
    }
}
