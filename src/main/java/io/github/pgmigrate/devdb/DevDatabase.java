package io.github.pgmigrate.devdb;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.config.ConfigurationException;
import io.github.pgmigrate.config.ConnectionSettings;
import io.github.pgmigrate.database.DatabaseConnector;

/**
 * A throw-away database on a {@link DevServer}, for replaying migrations and desired-schema SQL: never a target.
 * {@link #close()} drops it.
 */
public final class DevDatabase implements AutoCloseable {
    private final DevServer server;
    private final String name;
    private final ConnectionSettings settings;
    private boolean closed;

    DevDatabase(DevServer server, String name) throws ConfigurationException {
        this.server = server;
        this.name = name;
        this.settings = server.settingsFor(name);
    }

    /** The database's name on the dev server ({@code pgmigrate_dev_…}). */
    public String name() {
        return name;
    }

    /** Connects to this database (as the devUrl's user, or the embedded superuser). */
    public DatabaseConnector connector() {
        return DatabaseConnector.of(settings);
    }

    /** Its connection settings (URL, credentials). */
    public ConnectionSettings settings() {
        return settings;
    }

    /** Where it lives, safe to print. */
    public String description() {
        return "dev database " + name + " on the " + server.description();
    }

    /** Drops the database (closing any connection still open to it). */
    @Override
    public void close() throws PgMigrateException {
        if (!closed) {
            closed = true;
            server.drop(name);
        }
    }

    @Override
    public String toString() {
        return description();
    }
}
