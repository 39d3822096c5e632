package io.github.pgmigrate.database;

import java.sql.SQLException;
import java.util.function.UnaryOperator;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** The one way a database error reaches the user: the server's words, passwords scrubbed, then the SQLSTATE. */
public final class SqlErrors {
    private SqlErrors() {
    }

    /** E.g. {@code relation "item" does not exist (SQLSTATE 42P01)}. */
    public static String describe(SQLException e, UnaryOperator<String> scrub) {
        return scrub.apply(serverMessage(e)) + (e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")");
    }

    /** The server's primary message (without "ERROR: " and position details), or the driver's message. */
    public static String serverMessage(SQLException e) {
        ServerErrorMessage server = serverError(e);
        if (server != null && server.getMessage() != null) {
            return server.getMessage();
        }
        return String.valueOf(e.getMessage());
    }

    /** The server's structured error (detail, hint, where, position), or null for a driver-side error. */
    public static ServerErrorMessage serverError(SQLException e) {
        return e instanceof PSQLException p ? p.getServerErrorMessage() : null;
    }
}
