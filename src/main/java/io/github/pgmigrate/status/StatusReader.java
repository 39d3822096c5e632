package io.github.pgmigrate.status;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.checksum.SumFile;
import io.github.pgmigrate.command.DatabaseCommand;
import io.github.pgmigrate.history.AppliedFileChanges;
import io.github.pgmigrate.history.ExecOrder;
import io.github.pgmigrate.history.HistoryTarget;
import io.github.pgmigrate.history.SupabaseHistoryTable;
import io.github.pgmigrate.history.PendingFiles;
import io.github.pgmigrate.database.DatabaseConnector;
import io.github.pgmigrate.directory.ByteOrder;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.directory.MigrationFile;
import io.github.pgmigrate.revisions.Revision;
import io.github.pgmigrate.revisions.RevisionType;
import io.github.pgmigrate.sql.SqlSyntaxException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code status}: reads the revisions and compares them with the directory, as Atlas's {@code migrate status} does.
 * It only reads: a missing revisions table means nothing is applied, and nothing is created.
 *
 * <p>One deviation: on a database whose revisions table is empty Atlas runs its first-run "clean" check and fails on
 * a database with unrelated objects (Atlas issue #3795); here such a database simply has everything pending.
 */
public final class StatusReader {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'");

    private final DatabaseConnector connector;

    public StatusReader(DatabaseConnector connector) {
        this.connector = connector;
    }

    public StatusReport read(MigrationDirectory directory, ExecOrder order) throws PgMigrateException {
        return read(directory, order, HistoryTarget.ATLAS);
    }

    /**
     * @param history the history pending files are computed from; Supabase's history, when the database has one,
     *                is shown beside Atlas's revisions either way
     */
    public StatusReport read(MigrationDirectory directory, ExecOrder order, HistoryTarget history)
            throws PgMigrateException {
        return DatabaseCommand.on(connector, "reading the revisions failed").history(history).run(context -> {
            SupabaseHistoryTable supabase = new SupabaseHistoryTable();
            SupabaseSideBySide sideBySide = null;
            if (supabase.exists(context.connection())) {
                List<Revision> atlas = history != HistoryTarget.SUPABASE ? context.revisions()
                        : context.table().exists(context.connection())
                        ? context.table().readAll(context.connection()) : List.of();
                sideBySide = SupabaseSideBySide.of(supabase.readAll(context.connection()), atlas);
            }
            return report(directory.files(), context.revisions(), order, sideBySide);
        });
    }

    public static StatusReport report(List<MigrationFile> files, List<Revision> revisions, ExecOrder order)
            throws PgMigrateException {
        return report(files, revisions, order, (SupabaseSideBySide) null);
    }

    private static StatusReport report(List<MigrationFile> files, List<Revision> revisions, ExecOrder order,
                                       SupabaseSideBySide supabase) throws PgMigrateException {
        List<StatusReport.ChangedFile> changed = AppliedFileChanges.all(files, SumFile.compute(files), revisions)
                .stream().map(c -> new StatusReport.ChangedFile(c.file().name(), c.file().version(),
                        c.revision().hash(), c.currentHash(),
                        c.unappliedBefore() == null ? null : c.unappliedBefore().name())).toList();
        return report(files, revisions, order, changed, supabase);
    }

    private static StatusReport report(List<MigrationFile> files, List<Revision> revisions, ExecOrder order,
                                       List<StatusReport.ChangedFile> changed, SupabaseSideBySide supabase)
            throws PgMigrateException {
        List<MigrationFile> pending;
        List<MigrationFile> outOfOrder = List.of();
        String outOfOrderError = null;
        if (revisions.isEmpty()) {
            pending = PendingFiles.firstRun(files);
        } else {
            try {
                PendingFiles.Result result = PendingFiles.withHistory(files, revisions, order);
                pending = result.pending();
            } catch (PendingFiles.OutOfOrderException e) {
                outOfOrder = e.files();
                outOfOrderError = e.getMessage();
                pending = PendingFiles.withHistory(files, revisions, ExecOrder.LINEAR_SKIP).pending();
            }
        }
        Revision last = revisions.isEmpty() ? null : revisions.get(revisions.size() - 1);
        boolean lastPartial = last != null && last.isPartial() && !last.isResolved();
        long total = 0;
        if (lastPartial) {
            MigrationFile file = files.stream().filter(f -> f.version().equals(last.version()))
                    .reduce((a, b) -> b).orElse(null);
            total = file == null ? last.total() : statementCount(file);
        }
        String current = revisions.isEmpty() ? StatusReport.NONE_APPLIED : last.version();
        String next = pending.isEmpty() ? StatusReport.UP_TO_DATE : pending.get(0).version();
        boolean checkpoint = revisions.isEmpty() && !pending.isEmpty() && pending.get(0).directives().isCheckpoint();
        return new StatusReport(current, next, checkpoint, revisions.size(), pending.size(), outOfOrder.size(),
                lastPartial, lastPartial ? last.applied() : 0, total,
                lastPartial ? oneLine(last.error()) : null, lastPartial ? oneLine(last.errorStatement()) : null,
                outOfOrderError, changed, rows(files, revisions, pending, outOfOrder, changed, supabase), supabase);
    }

    private static List<StatusReport.Row> rows(List<MigrationFile> files, List<Revision> revisions,
                                               List<MigrationFile> pending, List<MigrationFile> outOfOrder,
                                               List<StatusReport.ChangedFile> changed,
                                               SupabaseSideBySide supabase) {
        Map<String, Revision> byVersion = new LinkedHashMap<>();
        revisions.forEach(r -> byVersion.put(r.version(), r));
        Set<String> pendingVersions = new HashSet<>();
        pending.forEach(f -> pendingVersions.add(f.version()));
        Set<String> edited = new HashSet<>();
        changed.forEach(c -> edited.add(c.version()));
        Set<String> late = new HashSet<>();
        outOfOrder.forEach(f -> late.add(f.version()));
        Map<String, StatusReport.Row> rows = new LinkedHashMap<>();
        for (MigrationFile file : files) {
            Revision revision = byVersion.get(file.version());
            String count = String.valueOf(statementCount(file));
            StatusReport.Row row;
            if (revision != null) {
                row = rowOf(revision, file.description());
                if (edited.contains(file.version())) {
                    row = new StatusReport.Row(row.version(), row.description(), row.state() + " (file changed)",
                            row.executedAt(), row.millis(), row.statements());
                }
                if (pendingVersions.contains(file.version())) {
                    row = new StatusReport.Row(row.version(), row.description(), row.state(), row.executedAt(),
                            row.millis(), revision.applied() + "/" + count);
                }
            } else if (late.contains(file.version())) {
                row = new StatusReport.Row(file.version(), file.description(), "out of order", "", -1, count);
            } else if (pendingVersions.contains(file.version())) {
                row = new StatusReport.Row(file.version(), file.description(), "pending", "", -1, count);
            } else {
                row = new StatusReport.Row(file.version(), file.description(),
                        file.directives().isCheckpoint() ? "skipped (checkpoint)" : "skipped", "", -1, count);
            }
            rows.put(file.version(), row);
        }
        for (Revision revision : revisions) {
            if (!rows.containsKey(revision.version())) {
                StatusReport.Row row = rowOf(revision, revision.description());
                rows.put(revision.version(), new StatusReport.Row(row.version(), row.description(),
                        row.state() + " (no file)", row.executedAt(), row.millis(), row.statements()));
            }
        }
        for (String version : supabase == null ? List.<String>of() : supabase.versions()) {
            rows.putIfAbsent(version, new StatusReport.Row(version, "", "not recorded (no file)", "", -1, ""));
        }
        List<StatusReport.Row> sorted = new ArrayList<>(rows.values());
        sorted.sort(Comparator.comparing(StatusReport.Row::version, ByteOrder.COMPARATOR));
        return sorted;
    }

    private static StatusReport.Row rowOf(Revision revision, String description) {
        String state;
        if (revision.isPartial() && !revision.isResolved()) {
            state = revision.isInFlight() ? "in flight" : revision.hasError() ? "failed" : "partially applied";
        } else {
            state = RevisionType.describe(revision.type());
        }
        String executedAt = revision.executedAt() == null ? ""
                : revision.executedAt().withOffsetSameInstant(ZoneOffset.UTC).format(TIME);
        String statements = RevisionType.has(revision.type(), RevisionType.EXECUTE)
                ? revision.applied() + "/" + revision.total() : "";
        return new StatusReport.Row(revision.version(), description, state, executedAt,
                revision.executionTimeNanos() / 1_000_000, statements);
    }

    private static long statementCount(MigrationFile file) {
        try {
            return file.statements().size();
        } catch (SqlSyntaxException e) {
            return 0;
        }
    }

    private static String oneLine(String text) {
        return text == null ? null : text.replace('\n', ' ');
    }
}
