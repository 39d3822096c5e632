package io.github.pgmigrate.revert;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.directory.ByteOrder;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.directory.MigrationFile;
import io.github.pgmigrate.revisions.Revision;
import io.github.pgmigrate.revisions.RevisionType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which applied migrations {@code down} reverts, and the refusals that come before any database work: no history,
 * a failed last migration, going past the first, an unknown or unapplied version, pending files below the newest
 * applied one, a baseline, a missing file.
 *
 * @param reverted the migrations to revert, the newest first
 * @param targets  for each of them, the version the database is at once it is reverted (null: none applied)
 * @param head     the newest applied version
 * @param pendingAfterHead files newer than the head that are not applied; down leaves them alone
 */
record DownSelection(List<MigrationFile> reverted, List<String> targets, String head,
                     List<MigrationFile> pendingAfterHead) {

    static DownSelection of(MigrationDirectory directory, boolean tableExists, String table,
                            List<Revision> revisions, DownOptions options) throws PgMigrateException {
        if (!tableExists) {
            throw new PgMigrateException("there is no revisions table " + table + " in this database: no migration"
                    + " was applied to it, so there is nothing to revert", "check the environment"
                    + " (-Dpgmigrate.env) and revisionsSchema; down reverts what apply (or Atlas) recorded");
        }
        if (revisions.isEmpty()) {
            throw new PgMigrateException("nothing to revert: the revisions table " + table + " is empty", null);
        }
        Revision head = revisions.get(revisions.size() - 1);
        if (head.isPartial()) {
            throw new PgMigrateException("the last migration, " + head.fileName() + ", failed part-way ("
                    + head.applied() + " of " + head.total() + " statements applied): its schema is no version's"
                    + " schema",
                    "finish it (fix the file and run apply, which resumes it) or repair the database by hand and"
                            + " record the version with pgmigrate:set; then run down");
        }
        List<Revision> chosen = chosen(directory, revisions, options);
        List<MigrationFile> reverted = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        for (int i = revisions.size() - 1; i >= revisions.size() - chosen.size(); i--) {
            Revision revision = revisions.get(i);
            if (RevisionType.has(revision.type(), RevisionType.BASELINE)) {
                throw new PgMigrateException("version " + revision.version() + " is the baseline: its schema was"
                        + " there before the migrations, so there is no earlier state to go back to",
                        "down can go back to the baseline (-Dpgmigrate.toVersion=" + revision.version() + ") but not"
                                + " past it");
            }
            MigrationFile file = directory.lastWithVersion(revision.version()).orElseThrow(() ->
                    new PgMigrateException("the migration file of applied version " + revision.version()
                            + " is missing from the migration directory", "restore " + revision.fileName()
                            + " (git checkout): down replays the directory to compute the schema before it"));
            reverted.add(file);
            targets.add(i == 0 ? null : revisions.get(i - 1).version());
        }
        Set<String> applied = revisions.stream().map(Revision::version).collect(Collectors.toSet());
        List<MigrationFile> below = new ArrayList<>();
        List<MigrationFile> after = new ArrayList<>();
        for (MigrationFile file : directory.files()) {
            if (!applied.contains(file.version()) && !file.directives().isCheckpoint()) {
                (ByteOrder.compare(file.version(), head.version()) < 0 ? below : after).add(file);
            }
        }
        if (!below.isEmpty()) {
            throw new PgMigrateException("pending migrations sort below the applied version " + head.version() + ": "
                    + below.stream().map(MigrationFile::name).collect(Collectors.joining(", "))
                    + "; the schema of an earlier version cannot be rebuilt from the directory while they are in it",
                    "apply them (-Dpgmigrate.execOrder=non-linear) or move them after the newest applied file"
                            + " (pgmigrate:renumber), then run down");
        }
        return new DownSelection(reverted, targets, head.version(), after);
    }

    private static List<Revision> chosen(MigrationDirectory directory, List<Revision> revisions, DownOptions options)
            throws PgMigrateException {
        if (options.toVersion() == null) {
            if (options.amount() > revisions.size()) {
                throw new PgMigrateException("cannot go down " + options.amount() + " migrations: only "
                        + revisions.size() + " are applied (down past the first migration)", "-Dpgmigrate.amount="
                        + revisions.size() + " reverts every applied migration");
            }
            return revisions.subList(revisions.size() - options.amount(), revisions.size());
        }
        String version = options.toVersion();
        for (int i = revisions.size() - 1; i >= 0; i--) {
            if (revisions.get(i).version().equals(version)) {
                return revisions.subList(i + 1, revisions.size());
            }
        }
        if (directory.lastWithVersion(version).isPresent()) {
            throw new PgMigrateException("version " + version + " is not applied to this database, so down cannot go"
                    + " back to it", "toVersion names an applied version; pgmigrate:status lists them");
        }
        throw new PgMigrateException("migration with version \"" + version + "\" not found", "toVersion names the"
                + " version of an applied migration file (its name up to the first _); pgmigrate:status lists them");
    }
}
