package io.github.pgmigrate.fleet;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.database.DatabaseConnector;
import io.github.pgmigrate.database.SqlErrors;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * How many targets of one server may run at once without starving it of connections. A target uses one connection at
 * a time (the lock lives on the connection that runs the work). The server's free slots are what its
 * {@code max_connections} leaves after the reserved slots, the connections open now and the role's and database's
 * own limits; a headroom of a tenth of {@code max_connections} (at least 2) stays free for the applications.
 */
public final class ConnectionBudget {
    private static final String FREE_SLOTS = """
            SELECT current_setting('max_connections')::int,
                   current_setting('max_connections')::int
                     - current_setting('superuser_reserved_connections')::int
                     - coalesce(current_setting('reserved_connections', true)::int, 0)
                     - (SELECT count(*) FROM pg_catalog.pg_stat_activity WHERE backend_type = 'client backend'),
                   (SELECT CASE WHEN r.rolconnlimit < 0 THEN NULL ELSE r.rolconnlimit - (SELECT count(*)
                      FROM pg_catalog.pg_stat_activity a WHERE a.usename = r.rolname) END
                      FROM pg_catalog.pg_roles r WHERE r.rolname = current_user),
                   (SELECT CASE WHEN d.datconnlimit < 0 THEN NULL ELSE d.datconnlimit - (SELECT count(*)
                      FROM pg_catalog.pg_stat_activity a WHERE a.datid = d.oid) END
                      FROM pg_catalog.pg_database d WHERE d.datname = current_database())
            """;

    private ConnectionBudget() {
    }

    /**
     * The parallelism to use against this server: the requested one, lowered to what the server can spare.
     *
     * @param notes receives a line when the request was lowered
     */
    public static int parallelism(DatabaseConnector server, int requested, java.util.function.Consumer<String> notes)
            throws PgMigrateException {
        try (Connection connection = server.open();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(FREE_SLOTS)) {
            row.next();
            int maxConnections = row.getInt(1);
            long free = row.getLong(2);
            free = lowerOf(free, row, 3);
            free = lowerOf(free, row, 4);
            // This connection is closed before the targets start: count its slot as free.
            long spare = free + 1 - Math.max(2, maxConnections / 10);
            int allowed = (int) Math.max(1, Math.min(requested, spare));
            if (allowed < requested) {
                notes.accept("Running " + allowed + " at a time instead of " + requested + " on "
                        + server.settings().target().displayUrl() + ": it has " + (free + 1) + " free connection(s)"
                        + " (max_connections " + maxConnections + ", keeping " + Math.max(2, maxConnections / 10)
                        + " for others)");
            }
            return allowed;
        } catch (SQLException e) {
            throw new PgMigrateException("cannot read the connection budget of "
                    + server.settings().target().displayUrl() + ": " + SqlErrors.describe(e, server.settings()::scrub),
                    "check that the database is reachable; -Dpgmigrate.parallelism=1 needs no budget");
        }
    }

    private static long lowerOf(long free, ResultSet row, int column) throws SQLException {
        long limit = row.getLong(column);
        return row.wasNull() ? free : Math.min(free, limit);
    }
}
