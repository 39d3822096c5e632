package io.github.pgmigrate.repair;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.checksum.SumFile;
import io.github.pgmigrate.command.DatabaseCommand;
import io.github.pgmigrate.database.DatabaseConnector;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.history.AppliedFileChanges;
import io.github.pgmigrate.output.Output;
import io.github.pgmigrate.validate.PreflightCheck;
import java.util.List;

/**
 * {@code repair} (Flyway's repair, for edited files): accepts intended edits of applied migrations by recording their
 * current atlas.sum hashes in the revisions table, after listing them. Nothing else changes: no statement runs, no
 * revision is added or removed. Written in one transaction under the migration lock (one attempt); a dry run only
 * lists.
 */
public final class HashRepair {
    private final DatabaseConnector connector;
    private final Output out;

    public HashRepair(DatabaseConnector connector, Output out) {
        this.connector = connector;
        this.out = out;
    }

    /** @return the files whose hashes were (in a dry run: would be) recorded, in file order */
    public List<AppliedFileChanges.Change> repair(MigrationDirectory directory, boolean dryRun, boolean strict)
            throws PgMigrateException {
        SumFile sum = PreflightCheck.verify(directory, strict, out);
        String prefix = dryRun ? "[dry run] " : "";
        return DatabaseCommand.on(connector, "repair failed").lockedOnce("repair").readOnly(dryRun).run(context -> {
            List<AppliedFileChanges.Change> changes = AppliedFileChanges.all(directory.files(), sum,
                    context.revisions());
            if (changes.isEmpty()) {
                out.info("Nothing to repair: every applied file has the atlas.sum hash it ran with");
                return changes;
            }
            out.info(prefix + "Applied files changed since they ran (" + changes.size() + "):");
            for (AppliedFileChanges.Change change : changes) {
                out.info("  ~ " + change.file().name() + "  h1:" + change.revision().hash() + " -> h1:"
                        + change.currentHash());
            }
            String table = context.table().qualifiedName();
            if (dryRun) {
                out.info("[dry run] nothing was written; without pgmigrate.dryRun these hashes are recorded in "
                        + table);
                return changes;
            }
            context.commit(changes.stream()
                    .map(c -> context.table().updateHashSql(c.file().version(), c.currentHash())).toList());
            out.info("Recorded the current hashes of " + changes.size() + " applied file(s) in " + table
                    + "; no migration was run. Databases that ran the earlier content keep it: change them with a"
                    + " new migration if needed.");
            return changes;
        });
    }
}
