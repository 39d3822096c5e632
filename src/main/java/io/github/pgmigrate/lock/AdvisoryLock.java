package io.github.pgmigrate.lock;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The migration lock as Atlas takes it: a session-level {@code pg_try_advisory_lock} on a connection of its own, retried
 * with a growing, jittered pause until the timeout. Nothing is written to any table, so a crashed run cannot leave
 * a stale lock behind: PostgreSQL releases it with the connection. The lock connection runs no transaction, so it
 * never holds the snapshot that CREATE INDEX CONCURRENTLY waits for.
 */
public final class AdvisoryLock implements AutoCloseable {
    private final Connection connection;
    private final long key;

    private AdvisoryLock(Connection connection, long key) {
        this.connection = connection;
        this.key = key;
    }

    /**
     * Takes the lock on {@code connection}, which the lock then owns and closes; when no lock is returned (timeout,
     * error, interrupt) the connection is closed before the exception leaves.
     *
     * @param timeout how long to keep trying; zero means exactly one attempt
     */
    public static AdvisoryLock acquire(Connection connection, long key, Duration timeout)
            throws SQLException, LockTimeoutException, InterruptedException {
        try {
            waitFor(connection, key, timeout);
            return new AdvisoryLock(connection, key);
        } catch (SQLException | LockTimeoutException | InterruptedException | RuntimeException e) {
            try {
                connection.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    private static void waitFor(Connection connection, long key, Duration timeout)
            throws SQLException, LockTimeoutException, InterruptedException {
        long start = System.nanoTime();
        long pause = 25;
        while (!tryLock(connection, key)) {
            if (System.nanoTime() - start >= timeout.toNanos()) {
                String holder = holder(connection, key);
                throw new LockTimeoutException("acquiring database lock: lock is held by other session"
                        + (holder == null ? "" : " (" + holder + ")"),
                        "another pgmigrate or Atlas apply is running against this database (advisory lock " + key
                                + "). Wait for it to finish, or wait longer with -Dpgmigrate.lockTimeout=<duration>"
                                + " (now " + timeout.toMillis() + " ms)");
            }
            long d = Math.min(pause, 1000);
            Thread.sleep(d + ThreadLocalRandom.current().nextLong(d));
            pause *= 2;
        }
    }

    private static boolean tryLock(Connection connection, long key) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
            statement.setLong(1, key);
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
        return key;
    }

    /** Releases the lock and closes its connection (which would release it anyway). */
    @Override
    public void close() throws SQLException {
        try (Connection c = connection;
             PreparedStatement statement = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            statement.setLong(1, key);
            statement.executeQuery().close();
        }
    }
}
