package io.github.pgmigrate.config;

import java.util.List;
import java.util.Map;

/**
 * Where to connect, in pgjdbc's terms, after a configured URL has been understood.
 *
 * @param embeddedMajor for {@code embedded[:major]}: the PostgreSQL major to start; null for a real server
 * @param jdbcUrl       a pgjdbc URL without credentials; null for an embedded database
 * @param displayUrl    the URL as the user wrote it, with any password masked: safe to log
 * @param properties    pgjdbc connection properties (translated libpq parameters; never user or password)
 * @param user          the user the URL names, or null
 * @param password      the password the URL carries, or null
 * @param host          the first host, or null for an embedded database
 * @param port          the first host's port
 * @param database      the database name, or null when the URL names none
 * @param searchPath    the schema the URL binds the connection to ({@code search_path} or {@code currentSchema}),
 *                      which Atlas also uses for the revisions table; null when unbound
 * @param pooler        what the URL tells about a connection pooler
 * @param warnings      parameters pgjdbc would silently ignore, and similar advice
 */
public record ConnectionTarget(Integer embeddedMajor, String jdbcUrl, String displayUrl,
                               Map<String, String> properties, String user, String password, String host, int port,
                               String database, String searchPath, PoolerMode pooler, List<String> warnings) {

    public ConnectionTarget {
        properties = Map.copyOf(properties);
        warnings = List.copyOf(warnings);
    }

    /** A copy with the configured pooler mode instead of the one guessed from the URL. */
    public ConnectionTarget withPooler(PoolerMode configured) {
        return new ConnectionTarget(embeddedMajor, jdbcUrl, displayUrl, properties, user, password, host, port,
                database, searchPath, configured, warnings);
    }

    public boolean isEmbedded() {
        return embeddedMajor != null;
    }

    @Override
    public String toString() {
        return displayUrl;
    }
}
