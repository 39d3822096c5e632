package io.github.pgmigrate.lock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The migration lock as Atlas takes it: a session-level {@code pg_try_advisory_lock}, retried with a growing, jittered
 * pause until the timeout. Nothing is written to any table, so a crashed run cannot leave a stale lock behind:
 * PostgreSQL releases it when the backend ends. It is taken on the connection that runs the work, so it lasts as long
 * as the work does, even when the client dies; being a session lock it holds no snapshot, so CREATE INDEX
 * CONCURRENTLY on that connection never waits for it.
 */
public final class AdvisoryLock implements AutoCloseable {
    private final Connection connection;
    private final LockKey.Scope scope;

    private AdvisoryLock(Connection connection, LockKey.Scope scope) {
        this.connection = connection;
        this.scope = scope;
    }

    /**
     * Takes the lock on {@code connection}, which the lock then owns and closes; when no lock is returned (timeout,
     * error, interrupt) the connection is closed before the exception leaves.
     *
     * @param timeout how long to keep trying; zero means exactly one attempt
     */
    public static AdvisoryLock acquire(Connection connection, long key, Duration timeout)
            throws SQLException, LockTimeoutException, InterruptedException {
        return acquire(connection, LockKey.Scope.database(key), timeout);
    }

    /** Takes the lock of {@code scope}: the whole database, or one tenant schema of it (see {@link LockKey.Scope}). */
    public static AdvisoryLock acquire(Connection connection, LockKey.Scope scope, Duration timeout)
            throws SQLException, LockTimeoutException, InterruptedException {
        try {
            waitFor(connection, scope, timeout);
            return new AdvisoryLock(connection, scope);
        } catch (SQLException | LockTimeoutException | InterruptedException | RuntimeException e) {
            try {
                connection.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    private static void waitFor(Connection connection, LockKey.Scope scope, Duration timeout)
            throws SQLException, LockTimeoutException, InterruptedException {
        long start = System.nanoTime();
        long pause = 25;
        long key = scope.databaseKey();
        while (!tryLock(connection, scope)) {
            if (System.nanoTime() - start >= timeout.toNanos()) {
                String holder = holder(connection, key);
                throw new LockTimeoutException("acquiring database lock: lock is held by other session"
                        + (holder == null ? "" : " (" + holder + ")"),
                        "another pgmigrate or Atlas apply is running against this " + scope.describe() + " (advisory"
                                + " lock " + key + "). Wait for it to finish, or wait longer with -Dpgmigrate.lockTimeout=<duration>"
                                + " (now " + timeout.toMillis() + " ms)");
            }
            long d = Math.min(pause, 1000);
            Thread.sleep(d + ThreadLocalRandom.current().nextLong(d));
            pause *= 2;
        }
    }

    /**
     * One attempt. A tenant takes Atlas's database key in shared mode (so whole-database runs, pgmigrate's or Atlas's,
     * still exclude it) and its own key exclusively; a half-taken pair is given back in the same statement.
     */
    private static boolean tryLock(Connection connection, LockKey.Scope scope) throws SQLException {
        String sql = scope.tenantKey() == null ? "SELECT pg_try_advisory_lock(?)"
                : "SELECT CASE WHEN pg_try_advisory_lock_shared(?) THEN"
                        + " CASE WHEN pg_try_advisory_lock(?, ?) THEN true ELSE NOT pg_advisory_unlock_shared(?) END"
                        + " ELSE false END";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, scope.databaseKey());
            if (scope.tenantKey() != null) {
                statement.setInt(2, LockKey.TENANT_CLASS);
                statement.setInt(3, scope.tenantKey());
                statement.setLong(4, scope.databaseKey());
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** Who holds the lock, e.g. "pid 1234, application pgmigrate", if visible. */
    private static String holder(Connection connection, long key) {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT l.pid, a.application_name, a.client_addr FROM pg_catalog.pg_locks l"
                        + " LEFT JOIN pg_catalog.pg_stat_activity a ON a.pid = l.pid"
                        + " WHERE l.locktype = 'advisory' AND l.granted AND l.classid::bigint = ? AND l.objid::bigint = ?"
                        + " AND l.objsubid = 1 LIMIT 1")) {
            statement.setLong(1, key >>> 32);
            statement.setLong(2, key & 0xffffffffL);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                String application = rs.getString(2);
                String address = rs.getString(3);
                return "held by pid " + rs.getInt(1)
                        + (application == null || application.isEmpty() ? "" : ", application " + application)
                        + (address == null ? "" : ", from " + address);
            }
        } catch (SQLException e) {
            return null;
        }
    }

    public long key() {
        return scope.databaseKey();
    }

    /** Releases the lock and closes its connection (which would release it anyway). */
    @Override
    public void close() throws SQLException {
        String sql = scope.tenantKey() == null ? "SELECT pg_advisory_unlock(?)"
                : "SELECT pg_advisory_unlock(?, ?), pg_advisory_unlock_shared(?)";
        try (Connection c = connection;
             PreparedStatement statement = c.prepareStatement(sql)) {
            if (scope.tenantKey() == null) {
                statement.setLong(1, scope.databaseKey());
            } else {
                statement.setInt(1, LockKey.TENANT_CLASS);
                statement.setInt(2, scope.tenantKey());
                statement.setLong(3, scope.databaseKey());
            }
            statement.executeQuery().close();
        }
    }
}
