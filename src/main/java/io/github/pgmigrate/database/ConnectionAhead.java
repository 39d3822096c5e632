package io.github.pgmigrate.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A connection being opened on a thread of its own while the goal does local work (reading and validating the
 * directory), so that the two overlap: the driver's classes load and the server authenticates meanwhile. The
 * connector's next {@link DatabaseConnector#open()} takes it; closing this before then closes the unused
 * connection, so a goal that fails its local checks leaves nothing behind and reports its own error, not the
 * database's.
 */
public final class ConnectionAhead implements AutoCloseable {
    private final CompletableFuture<Connection> opening = new CompletableFuture<>();
    private boolean claimed;

    ConnectionAhead(DatabaseConnector connector) {
        Thread thread = new Thread(() -> {
            try {
                opening.complete(connector.openNow());
            } catch (DatabaseUnavailableException | RuntimeException | Error e) {
                // Whatever stops this thread must reach the one that waits for it, or that one would wait forever.
                opening.completeExceptionally(e);
            }
        }, "pgmigrate-connect");
        thread.setDaemon(true);
        thread.start();
    }

    /** The connection, or the failure to open it, once; later calls return null (open a new connection then). */
    synchronized Connection claim() throws DatabaseUnavailableException {
        if (claimed) {
            return null;
        }
        claimed = true;
        try {
            return opening.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof DatabaseUnavailableException unavailable) {
                throw unavailable;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    @Override
    public synchronized void close() {
        if (claimed) {
            return;
        }
        claimed = true;
        opening.thenAccept(connection -> {
            try {
                connection.close();
            } catch (SQLException e) {
                // Never used: nothing to report.
            }
        });
    }
}
