package io.github.pgmigrate.set;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.checksum.SumFile;
import io.github.pgmigrate.command.DatabaseCommand;
import io.github.pgmigrate.database.DatabaseConnector;
import io.github.pgmigrate.directory.ByteOrder;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.directory.MigrationFile;
import io.github.pgmigrate.history.HistoryRecorder;
import io.github.pgmigrate.history.HistoryTarget;
import io.github.pgmigrate.output.Output;
import io.github.pgmigrate.revisions.OperatorVersion;
import io.github.pgmigrate.revisions.Revision;
import io.github.pgmigrate.revisions.RevisionType;
import io.github.pgmigrate.validate.PreflightCheck;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code set}: edits the history without running migrations, as Atlas's {@code migrate set} (and Alembic's
 * {@code stamp}) does. Revisions above the version are deleted, files up to it that have no revision are recorded
 * as applied (type 4, manually set), and a partially applied revision at the version is marked as dealt with.
 * Everything is written in one transaction, under the migration lock (one attempt, like Atlas); a refused set
 * (unknown version, lock held) writes and creates nothing.
 *
 * <p>Deviation: Atlas marks a partially applied revision only with the "manually set" bit, which its own pending
 * computation ignores, so the file would be resumed again; pgmigrate also sets {@code applied = total}, so that both
 * tools treat the version as done.
 */
public final class RevisionSetter {
    private final DatabaseConnector connector;
    private final Output out;

    public RevisionSetter(DatabaseConnector connector, Output out) {
        this.connector = connector;
        this.out = out;
    }

    /**
     * @param version the version to end at; null: the last file's (on a database without history too, as Alembic's
     *                {@code stamp head})
     */
    public SetResult set(MigrationDirectory directory, String version, boolean strict) throws PgMigrateException {
        return set(directory, version, strict, HistoryTarget.ATLAS);
    }

    /** @param history where the history is read and recorded ({@code history}) */
    public SetResult set(MigrationDirectory directory, String version, boolean strict, HistoryTarget history)
            throws PgMigrateException {
        SumFile sum = PreflightCheck.verify(directory, strict, out);
        return DatabaseCommand.on(connector, "set failed").lockedOnce("set").history(history).run(context -> {
            String target = resolve(directory, version);
            Change change = plan(directory.files(), sum, context.recorder(), context.revisions(), target);
            if (!change.result().changedNothing()) {
                context.commit(change.sql());
            }
            report(change.result());
            return change.result();
        });
    }

    /** The version asked for, or the last file's; checked before anything is written. */
    private String resolve(MigrationDirectory directory, String requested) throws PgMigrateException {
        List<MigrationFile> files = directory.files();
        if (requested == null) {
            if (files.isEmpty()) {
                throw new PgMigrateException("set needs a version: the migration directory has no files",
                        "name the version to record, e.g. -Dpgmigrate.toVersion=20250101120000");
            }
            String latest = files.get(files.size() - 1).version();
            out.info("No toVersion given: setting the history to the latest file, version " + latest);
            return latest;
        }
        if (files.stream().noneMatch(f -> f.version().equals(requested))) {
            throw new PgMigrateException("migration with version \"" + requested + "\" not found",
                    "set takes the version of a migration file in " + directory.path());
        }
        return requested;
    }

    /** The statements that make the history end at {@code version}, and what they change. */
    private static Change plan(List<MigrationFile> files, SumFile sum, HistoryRecorder history,
                               List<Revision> revisions, String version) {
        Map<String, MigrationFile> byVersion = new HashMap<>();
        files.forEach(f -> byVersion.put(f.version(), f));
        List<String> sql = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<Revision> remaining = new ArrayList<>();
        for (Revision revision : revisions) {
            if (ByteOrder.compare(revision.version(), version) > 0) {
                sql.addAll(history.delete(revision.version()));
                removed.add(label(revision.version(), revision.description()));
            } else {
                remaining.add(revision);
            }
        }
        String resolved = null;
        Optional<Revision> atVersion = remaining.stream().filter(r -> r.version().equals(version)).findFirst();
        if (atVersion.isPresent() && (atVersion.get().hasError() || atVersion.get().isPartial())) {
            Revision r = atVersion.get();
            Revision marked = new Revision(r.version(), r.description(), RevisionType.EXECUTE | RevisionType.RESOLVED,
                    r.total(), r.total(), r.executedAt(), r.executionTimeNanos(), r.error(), r.errorStatement(),
                    r.hash(), null, OperatorVersion.current());
            sql.addAll(history.upsert(marked, byVersion.get(version)));
            resolved = label(r.version(), r.description());
        }
        List<String> added = new ArrayList<>();
        String lastRemaining = remaining.isEmpty() ? null : remaining.get(remaining.size() - 1).version();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (MigrationFile file : files) {
            boolean after = lastRemaining == null || ByteOrder.compare(file.version(), lastRemaining) > 0;
            if (after && ByteOrder.compare(file.version(), version) <= 0
                    && remaining.stream().noneMatch(r -> r.version().equals(file.version()))) {
                sql.addAll(history.upsert(new Revision(file.version(), file.description(), RevisionType.RESOLVED,
                        0, 0, now, 0, "", "", sum.hashOf(file.name()).orElse(""), null,
                        OperatorVersion.current()), file));
                added.add(label(file.version(), file.description()));
            }
        }
        return new Change(sql, new SetResult(version, added, removed, resolved));
    }

    private record Change(List<String> sql, SetResult result) {
    }

    static String label(String version, String description) {
        return description == null || description.isEmpty() ? version : version + " (" + description + ")";
    }

    private void report(SetResult result) {
        if (result.changedNothing()) {
            out.info("Nothing to change: the history already ends at version " + result.version());
            return;
        }
        out.info("Current version is " + result.version() + " (" + result.added().size() + " set, "
                + result.removed().size() + " removed):");
        out.info("");
        List<String> lines = new ArrayList<>();
        result.added().forEach(a -> lines.add("  + " + a));
        if (result.resolved() != null) {
            lines.add("  * " + result.resolved() + " marked as done (applied + manually set)");
        }
        result.removed().forEach(r -> lines.add("  - " + r));
        lines.forEach(out::info);
    }
}
