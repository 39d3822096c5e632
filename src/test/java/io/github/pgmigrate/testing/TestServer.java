package io.github.pgmigrate.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The PostgreSQL server the tests of this JVM share, however it was provided. */
public interface TestServer {

    /** What provides it, for the log line (e.g. "embedded zonky PostgreSQL from …"). */
    String provider();

    /** {@code SHOW server_version}. */
    String serverVersion();

    /** A pgjdbc URL for one database of this server, without credentials. */
    String jdbcUrl(String database);

    String user();

    /** The password, or null. */
    String password();

    /** The database used to create and drop test databases. */
    default String maintenanceDatabase() {
        return "postgres";
    }

    default Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), user(), password());
    }
}
