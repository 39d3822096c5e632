package io.github.pgmigrate.devdb;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.checksum.SumEntry;
import io.github.pgmigrate.database.SqlLiterals;
import io.github.pgmigrate.revisions.OperatorVersion;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Replayed migration directories kept as template databases on the dev server, one per file prefix. A prefix's key is
 * its last atlas.sum hash (Atlas's running hash over every file's name and bytes up to there), the server's
 * {@code server_version_num} and the pgmigrate version; the database's name is a digest of the key and its comment
 * holds the key itself. A cache database whose comment is not exactly the key is dropped, never used. Cache databases
 * do not accept connections, so nothing changes them after they are written.
 */
final class ReplayCache {
    static final String PREFIX = "pgmigrate_replay_";
    static final int KEPT = 4;
    private static final String CREATED = " created=";

    private final DevServer server;
    private final String serverVersion;
    private final Map<String, String> comments;

    private ReplayCache(DevServer server, String serverVersion, Map<String, String> comments) {
        this.server = server;
        this.serverVersion = serverVersion;
        this.comments = comments;
    }

    /** One replayed prefix of the directory. */
    record Key(int files, String text, String database) {
    }

    /** Reads the server's version and its cache databases (one round trip each). */
    static ReplayCache open(DevServer server) throws PgMigrateException {
        try (Connection connection = server.openAdmin(); Statement statement = connection.createStatement()) {
            String version;
            try (ResultSet rs = statement.executeQuery("SHOW server_version_num")) {
                rs.next();
                version = rs.getString(1);
            }
            Map<String, String> comments = new LinkedHashMap<>();
            try (ResultSet rs = statement.executeQuery("SELECT datname, shobj_description(oid, 'pg_database')"
                    + " FROM pg_database WHERE starts_with(datname, " + SqlLiterals.string(PREFIX) + ")")) {
                while (rs.next()) {
                    comments.put(rs.getString(1), rs.getString(2));
                }
            }
            return new ReplayCache(server, version, comments);
        } catch (SQLException e) {
            throw server.failure("could not read the replay cache", e);
        }
    }

    /** The key of every prefix, the first file's first. */
    List<Key> keys(List<SumEntry> entries) {
        List<Key> keys = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            String text = "pgmigrate replay cache v1 server_version_num=" + serverVersion + " operator="
                    + OperatorVersion.current() + " files=" + (i + 1) + " last=" + entries.get(i).name() + " h1:"
                    + entries.get(i).hash();
            keys.add(new Key(i + 1, text, PREFIX + digest(text)));
        }
        return keys;
    }

    /** The longest prefix the cache holds; cache databases under a key's name but with another comment are dropped. */
    Optional<Key> longestHit(List<Key> keys) {
        for (int i = keys.size() - 1; i >= 0; i--) {
            Key key = keys.get(i);
            if (!comments.containsKey(key.database())) {
                continue;
            }
            if (keyOf(comments.get(key.database())).equals(key.text())) {
                return Optional.of(key);
            }
            invalidate(key.database());
        }
        return Optional.empty();
    }

    /** Keeps a copy of the dev database under the key, unless another build did so first. */
    void publish(String devDatabase, Key key) throws PgMigrateException {
        if (comments.containsKey(key.database())) {
            return;
        }
        String staging = PREFIX + "new_" + server.newName().substring("pgmigrate_dev_".length());
        try (Connection connection = server.openAdmin(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + SqlLiterals.identifier(staging) + " TEMPLATE "
                    + SqlLiterals.identifier(devDatabase));
            statement.execute("COMMENT ON DATABASE " + SqlLiterals.identifier(staging) + " IS "
                    + SqlLiterals.string(key.text() + CREATED + System.currentTimeMillis()));
            statement.execute("ALTER DATABASE " + SqlLiterals.identifier(staging) + " ALLOW_CONNECTIONS false");
            statement.execute("ALTER DATABASE " + SqlLiterals.identifier(staging) + " IS_TEMPLATE true");
            try {
                // The rename publishes it whole: a concurrent replay sees either no cache database or this one.
                statement.execute("ALTER DATABASE " + SqlLiterals.identifier(staging) + " RENAME TO "
                        + SqlLiterals.identifier(key.database()));
            } catch (SQLException taken) {
                dropQuietly(statement, staging);
                return;
            }
            comments.put(key.database(), key.text() + CREATED + System.currentTimeMillis());
        } catch (SQLException e) {
            throw server.failure("could not write the replay cache", e);
        }
        evict();
    }

    /** Drops a cache database that turned out not to hold what its key says. */
    void invalidate(String database) {
        comments.remove(database);
        try (Connection connection = server.openAdmin(); Statement statement = connection.createStatement()) {
            dropQuietly(statement, database);
        } catch (SQLException | PgMigrateException e) {
            // a concurrent build may be copying it right now; its key no longer matches anything we look up
        }
    }

    /** Keeps the {@value #KEPT} newest cache databases (and unfinished ones of crashed runs go too). */
    private void evict() {
        List<String> byAge = new ArrayList<>(comments.keySet());
        byAge.sort(Comparator.comparingLong((String name) -> createdOf(comments.get(name))).reversed());
        for (String name : byAge.subList(Math.min(KEPT, byAge.size()), byAge.size())) {
            invalidate(name);
        }
    }

    private static void dropQuietly(Statement statement, String database) {
        try {
            statement.execute("ALTER DATABASE " + SqlLiterals.identifier(database) + " IS_TEMPLATE false");
            statement.execute("DROP DATABASE IF EXISTS " + SqlLiterals.identifier(database));
        } catch (SQLException e) {
            // in use by a concurrent copy: the next eviction drops it
        }
    }

    private static String keyOf(String comment) {
        if (comment == null) {
            return "";
        }
        int created = comment.lastIndexOf(CREATED);
        return created < 0 ? comment : comment.substring(0, created);
    }

    private static long createdOf(String comment) {
        int created = comment == null ? -1 : comment.lastIndexOf(CREATED);
        try {
            return created < 0 ? 0 : Long.parseLong(comment.substring(created + CREATED.length()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
