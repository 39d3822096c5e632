package io.github.pgmigrate.database;

import io.github.pgmigrate.config.ConnectionSettings;
import io.github.pgmigrate.config.ConnectionTarget;
import io.github.pgmigrate.embedded.EmbeddedServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

/**
 * Opens connections to one environment's database. Behind a transaction pooler the connections are made
 * pooler-safe: pgjdbc never names a server-side prepared statement ({@code prepareThreshold=0}), because the next
 * transaction may land on another backend where the name does not exist.
 *
 * <p>A dead peer is detected within the peer timeout (default {@value #DEFAULT_PEER_TIMEOUT_SECONDS} s) on both
 * ends: the client bounds connecting and logging in and sends TCP keepalive probes ({@link KeepAliveSocketFactory});
 * the server's session gets the same keepalive settings and, from PostgreSQL 14, {@code
 * client_connection_check_interval}, so a backend whose client died stops its statement soon instead of running it
 * to the end. Properties given in the URL or the environment win.
 */
public final class DatabaseConnector {
    public static final int DEFAULT_PEER_TIMEOUT_SECONDS = 60;
    private static final int CONNECTION_CHECK_SINCE = 140000;

    private final ConnectionSettings settings;
    private final String jdbcUrl;
    private final Properties properties;
    private final boolean transactionPooler;
    private final String description;
    private final Duration peerTimeout;
    private final Connection shared;
    private volatile ConnectionAhead ahead;

    private DatabaseConnector(ConnectionSettings settings, String jdbcUrl, Properties properties,
                              boolean transactionPooler, String description, Duration peerTimeout) {
        this(settings, jdbcUrl, properties, transactionPooler, description, peerTimeout, null);
    }

    private DatabaseConnector(ConnectionSettings settings, String jdbcUrl, Properties properties,
                              boolean transactionPooler, String description, Duration peerTimeout,
                              Connection shared) {
        this.shared = shared;
        this.settings = settings;
        this.jdbcUrl = jdbcUrl;
        this.properties = properties;
        this.transactionPooler = transactionPooler;
        this.description = description;
        this.peerTimeout = peerTimeout;
        long seconds = Math.max(1, peerTimeout.toSeconds());
        properties.putIfAbsent("connectTimeout", Long.toString(Math.min(seconds, 10)));
        properties.putIfAbsent("loginTimeout", Long.toString(seconds));
        properties.putIfAbsent("tcpKeepAlive", "true");
        if (!properties.containsKey("socketFactory")) {
            properties.setProperty("socketFactory", KeepAliveSocketFactory.class.getName());
            properties.setProperty("socketFactoryArg", Long.toString(seconds));
        }
    }

    /** The same database with another peer timeout: how long a silent server may take to be declared dead. */
    public DatabaseConnector withPeerTimeout(Duration timeout) {
        Properties copy = new Properties();
        copy.putAll(properties);
        if (KeepAliveSocketFactory.class.getName().equals(copy.getProperty("socketFactory"))) {
            copy.remove("socketFactory");
            copy.remove("socketFactoryArg");
        }
        for (String derived : new String[] {"connectTimeout", "loginTimeout"}) {
            if (!settings.properties().containsKey(derived)) {
                copy.remove(derived);
            }
        }
        return new DatabaseConnector(settings, jdbcUrl, copy, transactionPooler, description, timeout);
    }

    /**
     * This database on one connection that is already open: every {@link #open()} returns it, and closing what
     * {@code open()} returned leaves it open for its owner to close. For a goal that runs several commands under one
     * migration lock (reset: clean, apply, seed), which the same session may take again.
     */
    public DatabaseConnector sharing(Connection connection) {
        if (transactionPooler) {
            throw new IllegalStateException("behind a transaction pooler a session is not kept between transactions");
        }
        return new DatabaseConnector(settings, jdbcUrl, properties, false, description, peerTimeout, connection);
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
        return new DatabaseConnector(settings, target.jdbcUrl(), properties, pooler, target.displayUrl(),
                Duration.ofSeconds(DEFAULT_PEER_TIMEOUT_SECONDS));
    }

    /** For the {@code postgres} database of an embedded server started for this run. */
    public static DatabaseConnector embedded(ConnectionSettings settings, EmbeddedServer server) {
        Properties properties = new Properties();
        properties.setProperty("user", EmbeddedServer.USER);
        properties.setProperty("ApplicationName", "pgmigrate");
        return new DatabaseConnector(settings, server.jdbcUrl("postgres"), properties, false,
                "embedded PostgreSQL " + server.serverVersion() + " on port " + server.port(),
                Duration.ofSeconds(DEFAULT_PEER_TIMEOUT_SECONDS));
    }

    /**
     * Starts opening the connection that the next {@link #open()} returns, on another thread; close the result when
     * the goal ends (it closes the connection if nobody took it).
     */
    public ConnectionAhead connectAhead() {
        ConnectionAhead started = new ConnectionAhead(this);
        ahead = started;
        return started;
    }

    public Connection open() throws DatabaseUnavailableException {
        if (shared != null) {
            return KeptOpen.view(shared);
        }
        ConnectionAhead opened = ahead;
        if (opened != null) {
            ahead = null;
            Connection connection = opened.claim();
            if (connection != null) {
                return connection;
            }
        }
        return openNow();
    }

    Connection openNow() throws DatabaseUnavailableException {
        try {
            Connection connection = DriverManager.getConnection(jdbcUrl, properties);
            connection.setAutoCommit(true);
            if (!transactionPooler) {
                try {
                    watchClient(connection);
                } catch (SQLException e) {
                    connection.close();
                    throw e;
                }
            }
            return connection;
        } catch (SQLException e) {
            throw ConnectionFailures.explain(e, settings.target(), settings::scrub);
        }
    }

    /** Makes the server notice a vanished client within the peer timeout (session settings: never behind a pooler). */
    private void watchClient(Connection connection) throws SQLException {
        long seconds = Math.max(3, peerTimeout.toSeconds());
        KeepAlive timing = KeepAlive.within(seconds);
        StringBuilder sql = new StringBuilder("SELECT set_config('tcp_keepalives_idle', '" + timing.idleSeconds()
                + "', false), set_config('tcp_keepalives_interval', '" + timing.intervalSeconds() + "', false),"
                + " set_config('tcp_keepalives_count', '" + KeepAlive.PROBES + "', false)");
        if (PgjdbcInternals.serverVersionNum(connection) >= CONNECTION_CHECK_SINCE) {
            sql.append(", set_config('client_connection_check_interval', '" + Math.min(5000, seconds * 1000 / 12)
                    + "ms', false)");
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql.toString());
        }
    }

    public Duration peerTimeout() {
        return peerTimeout;
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
