package io.github.pgmigrate.apply;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Whether a failure means the connection is gone (network cut, server restart, backend terminated), so the server's
 * answer to what was sent last never arrived and nothing more can be written on this connection.
 */
public final class ConnectionLoss {
    private ConnectionLoss() {
    }

    public static boolean is(SQLException e, Connection connection) {
        if (is(e)) {
            return true;
        }
        try {
            return connection.isClosed();
        } catch (SQLException closed) {
            return true;
        }
    }

    /** From the SQLSTATE alone: connection exceptions (08) and the server shutting down or terminating us (57P0x). */
    public static boolean is(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
    }
}
