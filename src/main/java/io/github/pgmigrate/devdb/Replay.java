package io.github.pgmigrate.devdb;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.apply.Applier;
import io.github.pgmigrate.apply.ApplyOptions;
import io.github.pgmigrate.checksum.SumEntry;
import io.github.pgmigrate.checksum.SumFile;
import io.github.pgmigrate.database.DatabaseConnector;
import io.github.pgmigrate.database.SqlLiterals;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.directory.MigrationName;
import io.github.pgmigrate.output.Output;
import io.github.pgmigrate.revisions.Revision;
import io.github.pgmigrate.revisions.RevisionTable;
import io.github.pgmigrate.validate.PreflightCheck;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Replays a migration directory onto a new dev database with the apply engine itself (same statement splitting,
 * transactions and error reports), keeping the history in {@link #SCHEMA} while it runs and dropping that schema at
 * the end. With the cache, the new database starts as a copy of the longest cached prefix and only the files after it
 * run.
 */
final class Replay {
    /** Where the replay keeps its atlas_schema_revisions table; gone from the database handed out. */
    static final String SCHEMA = "pgmigrate_dev_replay";

    private final DevServer server;
    private final MigrationDirectory directory;
    private final String toVersion;
    private final boolean useCache;
    private final Output out;

    Replay(DevServer server, MigrationDirectory directory, String toVersion, boolean useCache, Output out) {
        this.server = server;
        this.directory = directory;
        this.toVersion = toVersion == null || toVersion.isBlank() ? null : toVersion.strip();
        this.useCache = useCache;
        this.out = out;
    }

    DevDatabase run() throws PgMigrateException {
        long started = System.nanoTime();
        SumFile verified = PreflightCheck.verify(directory, false, out);
        List<SumEntry> entries = prefix(verified);
        ReplayCache cache = useCache && !entries.isEmpty() ? ReplayCache.open(server) : null;
        List<ReplayCache.Key> keys = cache == null ? List.of() : cache.keys(entries);
        String name = server.newName();
        int cached = cache == null ? 0 : copyFromCache(cache, keys, name, entries);
        if (cached == 0) {
            server.create(name, "template0");
        }
        DevDatabase database = new DevDatabase(server, name);
        try {
            if (cached < entries.size()) {
                ApplyOptions options = ApplyOptions.builder().toVersion(toVersion).lockTimeout(Duration.ZERO).build();
                new Applier(database.connector(), Output.NONE).apply(directory, verified, options);
                if (cache != null) {
                    cache.publish(name, keys.get(keys.size() - 1));
                }
            }
            dropHistory(database);
        } catch (PgMigrateException e) {
            database.close();
            throw ReplayFailure.explain(e, directory, server);
        }
        out.info("Replayed " + entries.size() + (entries.size() == 1 ? " migration" : " migrations") + " onto the "
                + database.description() + " in " + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms"
                + (cache == null ? " (replay cache off)" : cached == 0 ? "" : " (" + cached + " from the replay cache)"));
        return database;
    }

    /** The sum entries up to and including {@code toVersion}; all of them when it is null or not found. */
    private List<SumEntry> prefix(SumFile sum) {
        List<SumEntry> entries = sum.entries();
        if (toVersion == null) {
            return entries;
        }
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (MigrationName.of(entries.get(i).name()).version().equals(toVersion)) {
                return entries.subList(0, i + 1);
            }
        }
        // the apply engine reports the unknown version
        return entries;
    }

    /** @return how many files the copy holds; 0 when there was no usable cache database (and no copy was made) */
    private int copyFromCache(ReplayCache cache, List<ReplayCache.Key> keys, String name, List<SumEntry> entries)
            throws PgMigrateException {
        Optional<ReplayCache.Key> hit = cache.longestHit(keys);
        if (hit.isEmpty()) {
            return 0;
        }
        try {
            server.create(name, hit.get().database());
        } catch (PgMigrateException e) {
            return 0; // dropped by a concurrent build's eviction between our look-up and the copy
        }
        if (holdsExactly(name, entries.subList(0, hit.get().files()))) {
            return hit.get().files();
        }
        server.drop(name);
        cache.invalidate(hit.get().database());
        return 0;
    }

    /** Whether the copy's replay history is exactly these files, each complete and with its atlas.sum hash. */
    private boolean holdsExactly(String name, List<SumEntry> entries) throws PgMigrateException {
        try (Connection connection = DatabaseConnector.of(server.settingsFor(name)).open()) {
            List<Revision> revisions = new RevisionTable(SCHEMA).readAll(connection);
            if (revisions.size() != entries.size()) {
                return false;
            }
            for (int i = 0; i < entries.size(); i++) {
                Revision revision = revisions.get(i);
                SumEntry entry = entries.get(i);
                if (!revision.version().equals(MigrationName.of(entry.name()).version())
                        || !revision.hash().equals(entry.hash()) || revision.isPartial()) {
                    return false;
                }
            }
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static void dropHistory(DevDatabase database) throws PgMigrateException {
        try (Connection connection = database.connector().open(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SqlLiterals.identifier(SCHEMA) + " CASCADE");
        } catch (SQLException e) {
            throw new PgMigrateException("could not clean up the " + database.description() + ": " + e.getMessage(),
                    null, e);
        }
    }
}
