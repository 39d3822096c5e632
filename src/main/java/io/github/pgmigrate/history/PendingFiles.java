package io.github.pgmigrate.history;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.directory.ByteOrder;
import io.github.pgmigrate.directory.MigrationFile;
import io.github.pgmigrate.revisions.Revision;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which files are pending, computed exactly as Atlas's {@code Executor.Pending}: versions compare as Go strings
 * (byte order); checkpoints start a fresh database and are skipped on one that has history; files added below the
 * last applied version are refused ({@link ExecOrder#LINEAR}), ignored ({@link ExecOrder#LINEAR_SKIP}) or applied
 * first ({@link ExecOrder#NON_LINEAR}).
 *
 * <p>The first-run decisions (clean check, baseline) are the caller's: see {@link #firstRun}.
 */
public final class PendingFiles {

    private PendingFiles() {
    }

    /** Pending files on a database without revisions: all files, or those from the last checkpoint on. */
    public static List<MigrationFile> firstRun(List<MigrationFile> all) {
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).directives().isCheckpoint()) {
                return List.copyOf(all.subList(i, all.size()));
            }
        }
        return List.copyOf(all);
    }

    /** The last non-checkpoint file with the baseline version; the files after it are pending. */
    public static MigrationFile baselineFile(List<MigrationFile> all, String baseline) throws PgMigrateException {
        List<MigrationFile> migrations = withoutCheckpoints(all);
        for (int i = migrations.size() - 1; i >= 0; i--) {
            if (migrations.get(i).version().equals(baseline)) {
                return migrations.get(i);
            }
        }
        throw new PgMigrateException("baseline version \"" + baseline + "\" not found",
                "baseline names the version of a migration file in the directory (the part of its name before"
                        + " the first _)");
    }

    /** The files after the baseline file. */
    public static List<MigrationFile> afterBaseline(List<MigrationFile> all, MigrationFile baseline) {
        List<MigrationFile> migrations = withoutCheckpoints(all);
        int index = migrations.indexOf(baseline);
        return List.copyOf(migrations.subList(index + 1, migrations.size()));
    }

    /**
     * Pending files on a database with revisions, as Atlas computes them.
     *
     * @param all       every migration file in directory order
     * @param revisions every revision in the database's order of versions (not empty)
     * @param order     what to do with files added out of order
     */
    public static Result withHistory(List<MigrationFile> all, List<Revision> revisions, ExecOrder order)
            throws PgMigrateException {
        Revision last = revisions.get(revisions.size() - 1);
        boolean partially = last.isPartial();
        List<MigrationFile> migrations = withoutCheckpoints(all);

        if (partially) {
            Optional<MigrationFile> lastFile = lastWithVersion(all, last.version());
            if (lastFile.isPresent() && lastFile.get().directives().isCheckpoint()) {
                List<MigrationFile> pending = new ArrayList<>();
                pending.add(lastFile.get());
                int at = all.indexOf(lastFile.get());
                for (MigrationFile file : all.subList(at + 1, all.size())) {
                    if (!file.directives().isCheckpoint()) {
                        pending.add(file);
                    }
                }
                return new Result(pending, List.of());
            }
        }

        int idx = -1;
        for (int i = migrations.size() - 1; i >= 0; i--) {
            int cmp = ByteOrder.compare(migrations.get(i).version(), last.version());
            if (partially ? cmp == 0 : cmp <= 0) {
                idx = i;
                break;
            }
        }
        if (idx == -1) {
            if (partially) {
                throw new PgMigrateException("missing migration: revision \"" + last.fileName()
                        + "\" is partially applied but migration file was not found",
                        "restore the file, or mark the version as dealt with using mvn pgmigrate:set");
            }
            return new Result(List.copyOf(migrations), List.of());
        }
        if (!partially) {
            idx++;
        }
        List<MigrationFile> pending = new ArrayList<>(migrations.subList(idx, migrations.size()));
        List<MigrationFile> skipped = new ArrayList<>();
        if (order != ExecOrder.LINEAR_SKIP) {
            Set<String> applied = new HashSet<>();
            revisions.forEach(r -> applied.add(r.version()));
            String firstRevision = revisions.get(0).version();
            int first = -1;
            for (int i = 0; i < idx; i++) {
                if (ByteOrder.compare(migrations.get(i).version(), firstRevision) >= 0) {
                    first = i;
                    break;
                }
            }
            if (first >= 0) {
                for (MigrationFile file : migrations.subList(first, idx)) {
                    if (!applied.contains(file.version())) {
                        skipped.add(file);
                    }
                }
            }
        }
        if (!skipped.isEmpty() && order == ExecOrder.LINEAR) {
            throw outOfOrder(skipped);
        }
        if (!skipped.isEmpty()) {
            List<MigrationFile> withSkipped = new ArrayList<>(skipped);
            withSkipped.addAll(pending);
            pending = withSkipped;
        }
        return new Result(pending, skipped);
    }

    static PgMigrateException outOfOrder(List<MigrationFile> skipped) {
        String names = String.join(", ", skipped.stream().map(MigrationFile::name).toList());
        String message = skipped.size() == 1
                ? "migration file " + names + " was added out of order"
                : "migration files " + names + " were added out of order";
        return new OutOfOrderException(message + ". See: https://atlasgo.io/versioned/apply#non-linear-error",
                "these files sort below the last applied version. Give them a newer version (rename them and run"
                        + " mvn pgmigrate:hash), or apply them anyway with -Dpgmigrate.execOrder=non-linear, or"
                        + " never apply them with -Dpgmigrate.execOrder=linear-skip",
                skipped);
    }

    private static List<MigrationFile> withoutCheckpoints(List<MigrationFile> all) {
        return all.stream().filter(f -> !f.directives().isCheckpoint()).toList();
    }

    private static Optional<MigrationFile> lastWithVersion(List<MigrationFile> all, String version) {
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).version().equals(version)) {
                return Optional.of(all.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * @param pending  the files to apply, in order
     * @param skipped  files added out of order that {@link ExecOrder#NON_LINEAR} put first
     */
    public record Result(List<MigrationFile> pending, List<MigrationFile> skipped) {
        public Result {
            pending = List.copyOf(pending);
            skipped = List.copyOf(skipped);
        }
    }

    /** Files were added below the last applied version under {@link ExecOrder#LINEAR}. */
    public static final class OutOfOrderException extends PgMigrateException {
        private final transient List<MigrationFile> files;

        OutOfOrderException(String message, String hint, List<MigrationFile> files) {
            super(message, hint);
            this.files = List.copyOf(files);
        }

        public List<MigrationFile> files() {
            return files;
        }
    }
}
