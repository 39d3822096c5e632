package io.github.pgmigrate.database;

import io.github.pgmigrate.config.ConnectionSettings;
import io.github.pgmigrate.config.ConnectionTarget;
import io.github.pgmigrate.embedded.EmbeddedServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Opens connections to one environment's database. Behind a transaction pooler the connections are made
 * pooler-safe: pgjdbc never names a server-side prepared statement ({@code prepareThreshold=0}), because the next
 * transaction may land on another backend where the name does not exist.
 */
public final class DatabaseConnector {
    private final ConnectionSettings settings;
    private final String jdbcUrl;
    private final Properties properties;
    private final boolean transactionPooler;
    private final String description;

    private DatabaseConnector(ConnectionSettings settings, String jdbcUrl, Properties properties,
                              boolean transactionPooler, String description) {
        this.settings = settings;
        this.jdbcUrl = jdbcUrl;
        this.properties = properties;
        this.transactionPooler = transactionPooler;
        this.description = description;
    }

    /** For a real server named by the settings' URL. */
    public static DatabaseConnector of(ConnectionSettings settings) {
        ConnectionTarget target = settings.target();
        if (target.isEmbedded()) {
            throw new IllegalArgumentException("an embedded URL needs a started EmbeddedServer");
        }
        Properties properties = settings.jdbcProperties();
        boolean pooler = target.pooler().transactionPooling();
        if (pooler) {
            properties.setProperty("prepareThreshold", "0");
        }
        properties.putIfAbsent("ApplicationName", "pgmigrate");
        properties.putIfAbsent("connectTimeout", "10");
        return new DatabaseConnector(settings, target.jdbcUrl(), properties, pooler, target.displayUrl());
    }

    /** For the {@code postgres} database of an embedded server started for this run. */
    public static DatabaseConnector embedded(ConnectionSettings settings, EmbeddedServer server) {
        Properties properties = new Properties();
        properties.setProperty("user", EmbeddedServer.USER);
        properties.setProperty("ApplicationName", "pgmigrate");
        return new DatabaseConnector(settings, server.jdbcUrl("postgres"), properties, false,
                "embedded PostgreSQL " + server.serverVersion() + " on port " + server.port());
    }

    public Connection open() throws DatabaseUnavailableException {
        try {
            Connection connection = DriverManager.getConnection(jdbcUrl, properties);
            connection.setAutoCommit(true);
            return connection;
        } catch (SQLException e) {
            throw ConnectionFailures.explain(e, settings.target(), settings::scrub);
        }
    }

    public ConnectionSettings settings() {
        return settings;
    }

    /** Whether the URL points at a transaction pooler (Supavisor 6543, PgBouncer transaction mode). */
    public boolean transactionPooler() {
        return transactionPooler;
    }

    /** Where it connects, safe to print. */
    public String description() {
        return description;
    }
}
