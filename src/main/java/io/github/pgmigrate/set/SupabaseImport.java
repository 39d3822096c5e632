package io.github.pgmigrate.set;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.checksum.SumFile;
import io.github.pgmigrate.command.DatabaseCommand;
import io.github.pgmigrate.database.DatabaseConnector;
import io.github.pgmigrate.directory.ByteOrder;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.directory.MigrationFile;
import io.github.pgmigrate.history.SupabaseHistoryTable;
import io.github.pgmigrate.history.SupabaseMigration;
import io.github.pgmigrate.output.Output;
import io.github.pgmigrate.revisions.OperatorVersion;
import io.github.pgmigrate.revisions.Revision;
import io.github.pgmigrate.revisions.RevisionType;
import io.github.pgmigrate.validate.PreflightCheck;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code set -Dpgmigrate.importHistory=supabase}: adopts a database that {@code supabase db push} migrated. Every
 * version in Supabase's history is matched with the migration file of that version and recorded in Atlas's revisions
 * table as set by hand (as {@code set} records), so that apply continues after the last one. Any mismatch is named
 * and nothing is written: a version in Supabase's history without a file, a file missing from the history although a
 * later version was applied, or a revision Atlas has that Supabase does not.
 */
public final class SupabaseImport {
    private final DatabaseConnector connector;
    private final Output out;

    public SupabaseImport(DatabaseConnector connector, Output out) {
        this.connector = connector;
        this.out = out;
    }

    public SetResult run(MigrationDirectory directory, boolean strict) throws PgMigrateException {
        SumFile sum = PreflightCheck.verify(directory, strict, out);
        return DatabaseCommand.on(connector, "importing Supabase's history failed").lockedOnce("set").run(context -> {
            List<SupabaseMigration> applied = new SupabaseHistoryTable().readAll(context.connection());
            if (applied.isEmpty()) {
                throw new PgMigrateException("no Supabase history to import: " + SupabaseHistoryTable.QUALIFIED
                        + " is missing or empty in this database",
                        "importHistory=supabase adopts a database that supabase db push migrated; for a database"
                                + " migrated some other way use mvn pgmigrate:set -Dpgmigrate.toVersion=<version>");
            }
            Map<String, MigrationFile> files = new LinkedHashMap<>();
            directory.files().forEach(f -> files.put(f.version(), f));
            List<String> problems = mismatches(applied, files, context.revisions());
            if (!problems.isEmpty()) {
                throw new PgMigrateException("Supabase's history does not match the migration directory "
                        + directory.path() + ":\n  " + String.join("\n  ", problems),
                        "nothing was imported. Restore the missing files (supabase migration fetch writes them"
                                + " from the history), or correct the history with supabase migration repair, then"
                                + " import again");
            }
            Set<String> known = context.revisions().stream().map(Revision::version).collect(Collectors.toSet());
            List<String> sql = new ArrayList<>();
            List<String> added = new ArrayList<>();
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            for (SupabaseMigration row : applied) {
                if (known.contains(row.version())) {
                    continue;
                }
                MigrationFile file = files.get(row.version());
                sql.add(context.table().upsertSql(new Revision(file.version(), file.description(),
                        RevisionType.RESOLVED, 0, 0, now, 0, "", "", sum.hashOf(file.name()).orElse(""), null,
                        OperatorVersion.current())));
                added.add(RevisionSetter.label(file.version(), file.description()));
            }
            String last = applied.get(applied.size() - 1).version();
            if (!sql.isEmpty()) {
                context.commit(sql);
            }
            SetResult result = new SetResult(last, added, List.of(), null);
            out.info(added.isEmpty() ? "Nothing to import: Atlas's revisions already hold Supabase's "
                    + applied.size() + " versions"
                    : "Imported " + added.size() + " of Supabase's " + applied.size() + " versions into "
                    + context.table().qualifiedName() + "; the history now ends at version " + last + ":");
            added.forEach(a -> out.info("  + " + a));
            out.info("Keep Supabase's history in step from now on with -Dpgmigrate.history=both");
            return result;
        });
    }

    private static List<String> mismatches(List<SupabaseMigration> applied, Map<String, MigrationFile> files,
                                           List<Revision> revisions) {
        List<String> problems = new ArrayList<>();
        Set<String> supabase = applied.stream().map(SupabaseMigration::version).collect(Collectors.toSet());
        for (SupabaseMigration row : applied) {
            if (!files.containsKey(row.version())) {
                problems.add("version " + row.version() + (row.name().isEmpty() ? "" : " (" + row.name() + ")")
                        + " is in Supabase's history but no migration file has that version");
            }
        }
        String last = applied.get(applied.size() - 1).version();
        for (MigrationFile file : files.values()) {
            if (!supabase.contains(file.version()) && ByteOrder.compare(file.version(), last) < 0) {
                problems.add(file.name() + " is not in Supabase's history, but the later version " + last + " is:"
                        + " it was never applied (supabase db push would refuse it too without --include-all)");
            }
        }
        for (Revision revision : revisions) {
            if (!supabase.contains(revision.version())) {
                problems.add("version " + revision.version() + " is in Atlas's revisions but not in Supabase's"
                        + " history");
            }
        }
        return problems;
    }
}
