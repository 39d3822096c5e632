package io.github.pgmigrate.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pgmigrate.testing.Sql;
import io.github.pgmigrate.testing.TestDatabase;
import io.github.pgmigrate.testing.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AdvisoryLockTest {
    private static final long KEY = LockKey.apply();

    @Test
    void holdsTheLockUntilClosed() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        Connection connection = db.connect();
        try (AdvisoryLock lock = AdvisoryLock.acquire(connection, KEY, Duration.ZERO)) {
            assertThat(lock.key()).isEqualTo(KEY);
            assertThat(grantedAdvisoryLocks(db)).isEqualTo("1");
        }
        assertThat(connection.isClosed()).isTrue();
        assertThat(grantedAdvisoryLocks(db)).isEqualTo("0");
    }

    @Test
    void closesTheConnectionOnTimeout() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        try (Connection holder = db.connect()) {
            holder.createStatement().execute("SELECT pg_advisory_lock(" + KEY + ")");
            Connection connection = db.connect();
            assertThatThrownBy(() -> AdvisoryLock.acquire(connection, KEY, Duration.ZERO))
                    .isInstanceOf(LockTimeoutException.class)
                    .hasMessageContaining("lock is held by other session");
            assertThat(connection.isClosed()).isTrue();
        }
    }

    @Test
    void closesTheConnectionWhenTheLockQueryFails() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        Connection connection = db.connect();
        connection.setAutoCommit(false);
        assertThatThrownBy(() -> connection.createStatement().execute("SELECT 1/0")).isInstanceOf(SQLException.class);

        assertThatThrownBy(() -> AdvisoryLock.acquire(connection, KEY, Duration.ofSeconds(30)))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("current transaction is aborted");
        assertThat(connection.isClosed()).isTrue();
    }

    @Test
    void closesTheConnectionWhenTheWaitIsInterrupted() throws Exception {
        TestDatabase db = TestDatabases.createDatabase();
        try (Connection holder = db.connect()) {
            holder.createStatement().execute("SELECT pg_advisory_lock(" + KEY + ")");
            Connection connection = db.connect();
            Thread.currentThread().interrupt();
            try {
                assertThatThrownBy(() -> AdvisoryLock.acquire(connection, KEY, Duration.ofSeconds(30)))
                        .isInstanceOf(InterruptedException.class);
            } finally {
                Thread.interrupted();
            }
            assertThat(connection.isClosed()).isTrue();
        }
    }

    private static String grantedAdvisoryLocks(TestDatabase db) throws SQLException {
        return Sql.one(db, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"
                + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())");
    }
}
