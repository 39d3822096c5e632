package io.github.pgmigrate.lint.replay;

import io.github.pgmigrate.sql.Statement;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one statement in a transaction of its own on the dev database and reads, by the statement's own backend before
 * the commit, the table locks it still holds and the tables whose data file changed. Locks are held to the end of the
 * transaction, so none is missed however briefly the statement needed it.
 */
final class StatementProbe {
    /** User tables, partitioned tables and materialized views, with their data file. */
    private static final String RELATIONS = "SELECT c.oid::bigint, c.relfilenode::bigint,"
            + " quote_ident(n.nspname) || '.' || quote_ident(c.relname) FROM pg_class c"
            + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p', 'm')"
            + " AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'";
    private static final String LOCKS = "SELECT relation::bigint, mode FROM pg_locks WHERE pid = pg_backend_pid()"
            + " AND locktype = 'relation' AND granted";
    private static final String FOREIGN_KEYS = "SELECT oid::bigint FROM pg_constraint WHERE contype = 'f'";
    private static final List<String> STRENGTH = List.of("AccessShareLock", "RowShareLock", "RowExclusiveLock",
            "ShareUpdateExclusiveLock", "ShareLock", "ShareRowExclusiveLock", "ExclusiveLock", "AccessExclusiveLock");

    private final Connection connection;

    StatementProbe(Connection connection) {
        this.connection = connection;
    }

    /** The relations as they are now: oid to (data file, name). */
    Map<Long, Relation> relations() throws SQLException {
        Map<Long, Relation> relations = new HashMap<>();
        try (java.sql.Statement query = connection.createStatement(); ResultSet rs = query.executeQuery(RELATIONS)) {
            while (rs.next()) {
                relations.put(rs.getLong(1), new Relation(rs.getLong(2), rs.getString(3)));
            }
        }
        return relations;
    }

    record Relation(long fileNode, String name) {
    }

    /**
     * @param existing the relations that existed before the statement's file: only locks on them and rewrites of
     *                 them matter (what the file creates, nobody else can see yet)
     */
    Observation observe(String file, Statement statement, Map<Long, Relation> existing) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            Map<Long, Relation> before = relations();
            List<Long> foreignKeysBefore = oids(FOREIGN_KEYS);
            try (java.sql.Statement run = connection.createStatement()) {
                run.execute(statement.text());
            }
            Map<Long, Relation> after = relations();
            List<Long> createdForeignKeys = new ArrayList<>(oids(FOREIGN_KEYS));
            createdForeignKeys.removeAll(foreignKeysBefore);
            Map<String, String> strongest = new LinkedHashMap<>();
            try (java.sql.Statement query = connection.createStatement(); ResultSet rs = query.executeQuery(LOCKS)) {
                while (rs.next()) {
                    Relation relation = existing.get(rs.getLong(1));
                    if (relation != null) {
                        strongest.merge(relation.name(), rs.getString(2),
                                (a, b) -> STRENGTH.indexOf(a) >= STRENGTH.indexOf(b) ? a : b);
                    }
                }
            }
            List<LockTaken> locks = new ArrayList<>();
            strongest.forEach((relation, mode) -> locks.add(new LockTaken(relation, mode)));
            locks.sort(Comparator.comparingInt((LockTaken l) -> -STRENGTH.indexOf(l.mode()))
                    .thenComparing(LockTaken::relation));
            List<String> rewritten = new ArrayList<>();
            for (Map.Entry<Long, Relation> entry : before.entrySet()) {
                Relation now = after.get(entry.getKey());
                if (existing.containsKey(entry.getKey()) && now != null && entry.getValue().fileNode() != 0
                        && now.fileNode() != entry.getValue().fileNode()) {
                    rewritten.add(now.name());
                }
            }
            rewritten.sort(null);
            Map<String, Long> rows = new LinkedHashMap<>();
            for (LockTaken lock : locks) {
                if (after.values().stream().anyMatch(r -> r.name().equals(lock.relation()))) {
                    rows.put(lock.relation(), count(lock.relation()));
                }
            }
            connection.commit();
            return new Observation(file, statement, locks, rewritten, rows, null, createdForeignKeys, List.of(), null,
                    List.of());
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private List<Long> oids(String sql) throws SQLException {
        List<Long> oids = new ArrayList<>();
        try (java.sql.Statement query = connection.createStatement(); ResultSet rs = query.executeQuery(sql)) {
            while (rs.next()) {
                oids.add(rs.getLong(1));
            }
        }
        return oids;
    }

    private long count(String relation) throws SQLException {
        try (java.sql.Statement query = connection.createStatement();
             ResultSet rs = query.executeQuery("SELECT count(*) FROM " + relation)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
