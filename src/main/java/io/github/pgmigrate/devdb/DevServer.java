package io.github.pgmigrate.devdb;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.config.ConfigurationException;
import io.github.pgmigrate.config.ConnectionSettings;
import io.github.pgmigrate.config.Environment;
import io.github.pgmigrate.database.DatabaseConnector;
import io.github.pgmigrate.database.SqlLiterals;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.embedded.EmbeddedServer;
import io.github.pgmigrate.output.Output;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * A PostgreSQL server on which pgmigrate creates throw-away dev databases: the server {@code devUrl} names, or the
 * embedded server of this build. pgmigrate only ever creates and drops its own databases there
 * ({@code pgmigrate_dev_*}, and {@code pgmigrate_replay_*} for the replay cache).
 */
public final class DevServer {
    private final ConnectionSettings admin;
    private final String description;
    private final boolean cache;
    private final Output out;

    private DevServer(ConnectionSettings admin, String description, boolean cache, Output out) {
        this.admin = admin;
        this.description = description;
        this.cache = cache;
        this.out = out;
    }

    /**
     * The server a {@code devUrl} names (a real server, not {@code embedded}); its database is used only to create and
     * drop dev databases, and its user needs {@code CREATEDB}.
     *
     * @param cache whether replays may use and fill the replay cache ({@code -Dpgmigrate.devCache})
     */
    public static DevServer external(ConnectionSettings devUrl, boolean cache, Output out) {
        if (devUrl.target().isEmbedded()) {
            throw new IllegalArgumentException("an embedded devUrl needs a started EmbeddedServer");
        }
        return new DevServer(devUrl, "dev server " + devUrl.target().displayUrl(), cache, out);
    }

    /** The embedded server of this build. */
    public static DevServer embedded(EmbeddedServer server, boolean cache, Output out) {
        return new DevServer(embeddedSettings(server, "postgres"), "embedded PostgreSQL " + server.serverVersion()
                + " on port " + server.port(), cache, out);
    }

    /** A new, empty dev database (a copy of {@code template0}); close it to drop it. */
    public DevDatabase createDatabase() throws PgMigrateException {
        String name = newName();
        create(name, "template0");
        return new DevDatabase(this, name);
    }

    /**
     * A new dev database holding the migration directory replayed up to and including {@code toVersion} (null: all
     * files), through the replay cache when it is enabled. Close it to drop it.
     */
    public DevDatabase replay(MigrationDirectory directory, String toVersion) throws PgMigrateException {
        return new Replay(this, directory, toVersion, cache, out).run();
    }

    /** Where dev databases are created, safe to print. */
    public String description() {
        return description;
    }

    String newName() {
        return "pgmigrate_dev_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    void create(String name, String template) throws PgMigrateException {
        try (Connection connection = openAdmin(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + SqlLiterals.identifier(name) + " TEMPLATE "
                    + SqlLiterals.identifier(template));
        } catch (SQLException e) {
            throw failure("could not create the dev database " + name, e);
        }
    }

    void drop(String name) throws PgMigrateException {
        try (Connection connection = openAdmin(); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + SqlLiterals.identifier(name) + " WITH (FORCE)");
        } catch (SQLException e) {
            throw failure("could not drop the dev database " + name, e);
        }
    }

    Connection openAdmin() throws PgMigrateException {
        return DatabaseConnector.of(admin).open();
    }

    /** Settings that connect to one database of this server, keeping replay history in {@link Replay#SCHEMA}. */
    ConnectionSettings settingsFor(String database) throws ConfigurationException {
        if (admin.target().jdbcUrl() == null) {
            throw new IllegalStateException("no JDBC URL for " + description);
        }
        Environment environment = new Environment("dev", DatabaseUrls.withDatabase(admin.target().jdbcUrl(),
                database), admin.user(), admin.password(), null, Replay.SCHEMA, null, admin.properties(), true);
        return ConnectionSettings.of(environment);
    }

    PgMigrateException failure(String what, SQLException e) {
        return new PgMigrateException(what + " on the " + description + ": "
                + admin.scrub(String.valueOf(e.getMessage()))
                + (e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")"),
                "the devUrl user needs CREATEDB on that server (ALTER ROLE … CREATEDB); pgmigrate creates and drops"
                        + " only databases named pgmigrate_dev_* and pgmigrate_replay_* there", e);
    }

    private static ConnectionSettings embeddedSettings(EmbeddedServer server, String database) {
        try {
            return ConnectionSettings.of(new Environment("dev", server.jdbcUrl(database), EmbeddedServer.USER, null,
                    null, Replay.SCHEMA, null, Map.of("ApplicationName", "pgmigrate"), true));
        } catch (ConfigurationException e) {
            throw new IllegalStateException("the embedded server's own URL does not parse", e);
        }
    }
}
