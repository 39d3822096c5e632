package io.github.pgmigrate.set;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.lock.AdvisoryLock;
import io.github.pgmigrate.validate.PreflightCheck;
import io.github.pgmigrate.lock.LockKey;
import io.github.pgmigrate.lock.LockTimeoutException;
import io.github.pgmigrate.revisions.RevisionsBootstrap;
import io.github.pgmigrate.checksum.SumFile;
import io.github.pgmigrate.config.ConnectionSettings;
import io.github.pgmigrate.database.DatabaseConnector;
import io.github.pgmigrate.database.Pipeline;
import io.github.pgmigrate.directory.ByteOrder;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.directory.MigrationFile;
import io.github.pgmigrate.output.Output;
import io.github.pgmigrate.revisions.OperatorVersion;
import io.github.pgmigrate.revisions.Revision;
import io.github.pgmigrate.revisions.RevisionSchemaGuard;
import io.github.pgmigrate.revisions.RevisionTable;
import io.github.pgmigrate.revisions.RevisionType;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code set}: edits the history without running migrations, as Atlas's {@code migrate set} (and Alembic's
 * {@code stamp}) does. Revisions above the version are deleted, files up to it that have no revision are recorded
 * as applied (type 4, manually set), and a partially applied revision at the version is marked as dealt with.
 * Everything is written in one transaction, under the migration lock (one attempt, like Atlas).
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

    /** @param version the version to end at; null: the last file's version (needs an existing history) */
    public SetResult set(MigrationDirectory directory, String version, boolean strict) throws PgMigrateException {
        SumFile sum = PreflightCheck.verify(directory, strict, out);
        ConnectionSettings settings = connector.settings();
        RevisionTable table = new RevisionTable(settings.effectiveRevisionsSchema());
        boolean pooler = connector.transactionPooler();
        try (Connection connection = connector.open()) {
            AdvisoryLock lock = pooler ? null : AdvisoryLock.acquire(connector.open(), LockKey.apply(), Duration.ZERO);
            try {
                RevisionSchemaGuard.check(connection, settings.target().searchPath(), settings.revisionsSchema());
                RevisionsBootstrap.ensure(connection, table, pooler, List.of());
                List<Revision> revisions = table.readAll(connection);
                SetResult result = plan(directory, sum, table, revisions, version, pooler, connection);
                report(result);
                return result;
            } finally {
                if (lock != null) {
                    lock.close();
                }
            }
        } catch (SQLException e) {
            throw new PgMigrateException("set failed: " + settings.scrub(String.valueOf(e.getMessage()))
                    + (e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")"), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PgMigrateException("interrupted", null, e);
        } catch (LockTimeoutException e) {
            throw new LockTimeoutException(e.getMessage(), "an apply is running against this database; run set"
                    + " when it has finished");
        }
    }

    private SetResult plan(MigrationDirectory directory, SumFile sum, RevisionTable table, List<Revision> revisions,
                           String requested, boolean pooler, Connection connection)
            throws PgMigrateException, SQLException {
        List<MigrationFile> files = directory.files();
        String version = requested;
        if (version == null) {
            if (revisions.isEmpty()) {
                throw new PgMigrateException("set needs a version: the database has no revisions yet",
                        "name the version to record, e.g. -Dpgmigrate.toVersion=20250101120000");
            }
            version = files.isEmpty() ? null : files.get(files.size() - 1).version();
        } else {
            String wanted = version;
            if (files.stream().noneMatch(f -> f.version().equals(wanted))) {
                throw new PgMigrateException("migration with version \"" + version + "\" not found",
                        "set takes the version of a migration file in " + directory.path());
            }
        }
        List<String> sql = new ArrayList<>();
        sql.add("BEGIN");
        if (pooler) {
            sql.add("DO $pgmigrate_lock$ BEGIN IF NOT pg_try_advisory_xact_lock(" + LockKey.apply() + ") THEN"
                    + " RAISE EXCEPTION 'acquiring database lock: lock is held by other session'; END IF;"
                    + " END $pgmigrate_lock$");
        }
        List<String> removed = new ArrayList<>();
        List<Revision> remaining = new ArrayList<>();
        for (Revision revision : revisions) {
            if (version == null || ByteOrder.compare(revision.version(), version) > 0) {
                sql.add(table.deleteSql(revision.version()));
                removed.add(label(revision.version(), revision.description()));
            } else {
                remaining.add(revision);
            }
        }
        String resolved = null;
        String target = version;
        Optional<Revision> atVersion = remaining.stream().filter(r -> r.version().equals(target)).findFirst();
        if (atVersion.isPresent() && (atVersion.get().hasError() || atVersion.get().isPartial())) {
            Revision r = atVersion.get();
            Revision marked = new Revision(r.version(), r.description(), RevisionType.EXECUTE | RevisionType.RESOLVED,
                    r.total(), r.total(), r.executedAt(), r.executionTimeNanos(), r.error(), r.errorStatement(),
                    r.hash(), null, OperatorVersion.current());
            sql.add(table.upsertSql(marked));
            resolved = label(r.version(), r.description());
        }
        List<String> added = new ArrayList<>();
        if (version != null) {
            String lastRemaining = remaining.isEmpty() ? null : remaining.get(remaining.size() - 1).version();
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            for (MigrationFile file : files) {
                boolean after = lastRemaining == null || ByteOrder.compare(file.version(), lastRemaining) > 0;
                if (after && ByteOrder.compare(file.version(), version) <= 0
                        && remaining.stream().noneMatch(r -> r.version().equals(file.version()))) {
                    sql.add(table.upsertSql(new Revision(file.version(), file.description(), RevisionType.RESOLVED,
                            0, 0, now, 0, "", "", sum.hashOf(file.name()).orElse(""), null,
                            OperatorVersion.current())));
                    added.add(label(file.version(), file.description()));
                }
            }
        }
        sql.add("COMMIT");
        Pipeline.Outcome outcome = Pipeline.run(connection, sql);
        if (!outcome.succeeded()) {
            Pipeline.run(connection, List.of("ROLLBACK"));
            throw outcome.failure();
        }
        return new SetResult(version, added, removed, resolved);
    }

    private static String label(String version, String description) {
        return description == null || description.isEmpty() ? version : version + " (" + description + ")";
    }

    private void report(SetResult result) {
        if (result.changedNothing()) {
            out.info("Nothing to change: the history already ends at version " + result.version());
            return;
        }
        if (result.version() == null) {
            out.info("All revisions deleted (" + result.removed().size() + " in total):");
        } else {
            out.info("Current version is " + result.version() + " (" + result.added().size() + " set, "
                    + result.removed().size() + " removed):");
        }
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
