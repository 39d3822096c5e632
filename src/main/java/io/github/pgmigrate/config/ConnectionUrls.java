package io.github.pgmigrate.config;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Understands the URLs users write: pgjdbc's {@code jdbc:postgresql://…}, libpq's {@code postgres://} and
 * {@code postgresql://} (as Supabase, Atlas and psql users write them, with user and percent-encoded password in the
 * user info and libpq parameter names; also SQLAlchemy's {@code postgresql+asyncpg://} and {@code postgresql+psycopg://}),
 * and {@code embedded[:major]} for a throw-away embedded PostgreSQL.
 */
public final class ConnectionUrls {
    public static final int DEFAULT_EMBEDDED_MAJOR = 17;
    public static final int OLDEST_EMBEDDED_MAJOR = 13;
    public static final int NEWEST_EMBEDDED_MAJOR = 18;
    private static final int DEFAULT_PORT = 5432;

    /** libpq parameter names and the pgjdbc property each one becomes. */
    private static final Map<String, String> LIBPQ_TO_PGJDBC = Map.ofEntries(
            Map.entry("connect_timeout", "connectTimeout"),
            Map.entry("application_name", "ApplicationName"),
            Map.entry("options", "options"),
            Map.entry("sslmode", "sslmode"),
            Map.entry("sslrootcert", "sslrootcert"),
            Map.entry("sslcert", "sslcert"),
            Map.entry("sslkey", "sslkey"),
            Map.entry("sslpassword", "sslpassword"),
            Map.entry("sslnegotiation", "sslNegotiation"),
            Map.entry("channel_binding", "channelBinding"),
            Map.entry("gssencmode", "gssEncMode"),
            Map.entry("target_session_attrs", "targetServerType"),
            Map.entry("keepalives", "tcpKeepAlive"));

    /** SQLAlchemy's {@code postgresql+<driver>://}, as Python projects' .env files write it. */
    private static final Pattern PYTHON_DRIVER_SCHEME = Pattern.compile("^postgres(?:ql)?\\+([A-Za-z0-9_]+)://");

    /** asyncpg's {@code ssl=} values, which are libpq's sslmode values. */
    private static final Set<String> SSL_MODES =
            Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

    private static final Map<String, String> TARGET_SESSION_ATTRS = Map.of(
            "any", "any", "read-write", "primary", "primary", "primary", "read-only", "secondary",
            "standby", "secondary", "prefer-standby", "preferSecondary");

    private ConnectionUrls() {
    }

    public static ConnectionTarget parse(String url) throws ConfigurationException {
        if (url == null || url.isBlank()) {
            throw new ConfigurationException("no database URL is configured",
                    "set <url> in the environment or pass -Dpgmigrate.url=…; <url>embedded</url> starts a"
                            + " throw-away PostgreSQL");
        }
        String trimmed = url.strip();
        if (trimmed.equals("embedded") || trimmed.startsWith("embedded:")) {
            return embedded(trimmed);
        }
        if (trimmed.startsWith("jdbc:postgresql:")) {
            return jdbc(trimmed);
        }
        if (trimmed.startsWith("postgres://") || trimmed.startsWith("postgresql://")) {
            return libpq(trimmed, null);
        }
        Matcher driverScheme = PYTHON_DRIVER_SCHEME.matcher(trimmed);
        if (driverScheme.find()) {
            return libpq("postgresql://" + trimmed.substring(driverScheme.end()), driverScheme.group(1));
        }
        throw new ConfigurationException("malformed <url> \"" + Secrets.redactUrl(trimmed) + "\"",
                "use jdbc:postgresql://host:5432/db, postgres://user:password@host:5432/db or embedded[:major]");
    }

    private static ConnectionTarget embedded(String url) throws ConfigurationException {
        int major = DEFAULT_EMBEDDED_MAJOR;
        if (url.startsWith("embedded:")) {
            String value = url.substring("embedded:".length());
            try {
                major = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                major = -1;
            }
            if (major < OLDEST_EMBEDDED_MAJOR || major > NEWEST_EMBEDDED_MAJOR) {
                throw new ConfigurationException("<url> \"" + url + "\" names no embedded PostgreSQL major we ship",
                        "use embedded (PostgreSQL " + DEFAULT_EMBEDDED_MAJOR + ") or embedded:N with N from "
                                + OLDEST_EMBEDDED_MAJOR + " to " + NEWEST_EMBEDDED_MAJOR);
            }
        }
        return new ConnectionTarget(major, null, url, Map.of(), null, null, null, 0, null, null, PoolerMode.NONE,
                List.of());
    }

    private static ConnectionTarget jdbc(String url) throws ConfigurationException {
        String display = Secrets.redactUrl(url);
        String rest = url.substring("jdbc:postgresql:".length());
        if (!rest.startsWith("//")) {
            // jdbc:postgresql:database, a local connection; pgjdbc understands it as is.
            return new ConnectionTarget(null, url, display, Map.of(), null, null, "localhost", DEFAULT_PORT,
                    rest.isEmpty() ? null : rest, null, PoolerMode.NONE, List.of());
        }
        rest = rest.substring(2);
        int query = rest.indexOf('?');
        String beforeQuery = query < 0 ? rest : rest.substring(0, query);
        if (beforeQuery.contains("@")) {
            throw new ConfigurationException("<url> " + display + " puts user:password@ into a jdbc:postgresql URL,"
                    + " which pgjdbc cannot read (it would take them for a host name)",
                    "write it as postgres://user:password@host:5432/db, or move the credentials to"
                            + " <user>/<password> or a settings.xml <server>");
        }
        int slash = beforeQuery.indexOf('/');
        String hosts = slash < 0 ? beforeQuery : beforeQuery.substring(0, slash);
        String database = slash < 0 ? null : decode(beforeQuery.substring(slash + 1));
        HostPort first = firstHost(hosts, display);
        Map<String, String> parameters = query < 0 ? Map.of() : parameters(rest.substring(query + 1));
        String searchPath = firstSchema(parameters.get("currentSchema"));
        PoolerMode pooler = pooler(first, parameters, parameters.get("user"));
        return new ConnectionTarget(null, url, display, Map.of(), null, null, first.host, first.port,
                database == null || database.isEmpty() ? null : database, searchPath, pooler, List.of());
    }

    /**
     * @param pythonDriver the driver an SQLAlchemy URL named ({@code asyncpg} in {@code postgresql+asyncpg://}), whose
     *                     suffix was removed from the scheme; null for a plain libpq URL
     */
    private static ConnectionTarget libpq(String url, String pythonDriver) throws ConfigurationException {
        String display = Secrets.redactUrl(url);
        String rest = url.substring(url.indexOf("://") + 3);
        int hash = rest.indexOf('#');
        if (hash >= 0) {
            rest = rest.substring(0, hash);
        }
        String user = null;
        String password = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            String userinfo = rest.substring(0, at);
            rest = rest.substring(at + 1);
            int colon = userinfo.indexOf(':');
            user = decode(colon < 0 ? userinfo : userinfo.substring(0, colon));
            password = colon < 0 ? null : decode(userinfo.substring(colon + 1));
        }
        int query = rest.indexOf('?');
        String beforeQuery = query < 0 ? rest : rest.substring(0, query);
        int slash = beforeQuery.indexOf('/');
        String hosts = slash < 0 ? beforeQuery : beforeQuery.substring(0, slash);
        String database = slash < 0 ? null : decode(beforeQuery.substring(slash + 1));
        if (hosts.isEmpty()) {
            hosts = "localhost";
        }
        HostPort first = firstHost(hosts, display);

        Map<String, String> properties = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        if (pythonDriver != null) {
            warnings.add("postgresql+" + pythonDriver + ":// is SQLAlchemy's form naming the Python driver "
                    + pythonDriver + "; it was read as postgresql://");
        }
        Map<String, String> parameters = query < 0 ? Map.of() : parameters(rest.substring(query + 1));
        String searchPath = null;
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            String value = parameter.getValue();
            switch (name) {
                case "user" -> user = value;
                case "password" -> password = value;
                case "dbname" -> database = value;
                case "host", "port" -> warnings.add("the URL parameter " + name + "= is ignored; put the host and"
                        + " port before the database name");
                case "search_path" -> {
                    searchPath = firstSchema(value);
                    properties.put("currentSchema", value);
                }
                case "schema" -> {
                    searchPath = firstSchema(value);
                    properties.put("currentSchema", value);
                    warnings.add("schema= is Prisma's parameter, not libpq's; it was read as search_path=" + value);
                }
                case "pgbouncer" -> {
                    // pgbouncer=true becomes the pooler's reason, which is reported once; other values mean nothing.
                    if (!"true".equalsIgnoreCase(value)) {
                        warnings.add("pgbouncer=" + value + " is a Prisma parameter that PostgreSQL drivers ignore;"
                                + " it was dropped");
                    }
                }
                case "connection_limit", "pool_timeout", "statement_cache_size" ->
                        warnings.add(name + "= is a Prisma parameter that PostgreSQL drivers ignore; it was dropped");
                case "ssl" -> {
                    if (pythonDriver != null && SSL_MODES.contains(value)) {
                        properties.put("sslmode", value);
                        warnings.add("ssl=" + value + " (" + pythonDriver + "'s parameter) was read as sslmode="
                                + value);
                    } else {
                        properties.put(name, value);
                    }
                }
                case "target_session_attrs" -> {
                    String mapped = TARGET_SESSION_ATTRS.get(value);
                    if (mapped == null) {
                        throw new ConfigurationException("target_session_attrs=" + value + " in <url> is not a value"
                                + " libpq accepts", "use any, read-write, read-only, primary, standby or"
                                + " prefer-standby");
                    }
                    properties.put("targetServerType", mapped);
                }
                case "keepalives" -> properties.put("tcpKeepAlive", "0".equals(value) ? "false" : "true");
                case "sslrootcert" -> {
                    if ("system".equals(value)) {
                        warnings.add("sslrootcert=system is a libpq 16 value pgjdbc does not understand; point"
                                + " sslrootcert at a CA file instead");
                    }
                    properties.put(name, value);
                }
                default -> {
                    String translated = LIBPQ_TO_PGJDBC.get(name);
                    if (translated != null) {
                        properties.put(translated, value);
                    } else {
                        properties.put(name, value);
                        warnings.add("the URL parameter " + name + "= is not a libpq parameter; it was passed to"
                                + " pgjdbc as is, which ignores names it does not know");
                    }
                }
            }
        }
        PoolerMode pooler = pooler(first, parameters, user);
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(hosts).append('/');
        if (database != null) {
            jdbc.append(URLEncoder.encode(database, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return new ConnectionTarget(null, jdbc.toString(), display, properties, user, password, first.host,
                first.port, database == null || database.isEmpty() ? null : database, searchPath, pooler, warnings);
    }

    private record HostPort(String host, int port) {
    }

    private static HostPort firstHost(String hosts, String display) throws ConfigurationException {
        String first = hosts.split(",", -1)[0];
        String host;
        String port = null;
        if (first.startsWith("[")) {
            int close = first.indexOf(']');
            if (close < 0) {
                throw malformedHost(display);
            }
            host = first.substring(0, close + 1);
            if (first.length() > close + 1) {
                if (first.charAt(close + 1) != ':') {
                    throw malformedHost(display);
                }
                port = first.substring(close + 2);
            }
        } else {
            int colon = first.lastIndexOf(':');
            host = colon < 0 ? first : first.substring(0, colon);
            port = colon < 0 ? null : first.substring(colon + 1);
        }
        if (host.isEmpty() || !host.matches("\\[[0-9A-Fa-f:.%a-zA-Z]+]|[A-Za-z0-9._%-]+")) {
            throw malformedHost(display);
        }
        int portNumber = DEFAULT_PORT;
        if (port != null && !port.isEmpty()) {
            try {
                portNumber = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                throw malformedHost(display);
            }
        }
        return new HostPort(host, portNumber);
    }

    private static ConfigurationException malformedHost(String display) {
        return new ConfigurationException("malformed <url> " + display + ": the host:port part is not valid",
                "write host:port (IPv6 in [brackets]); percent-encode special characters in the password,"
                        + " e.g. / as %2F, @ as %40, : as %3A, ? as %3F, # as %23");
    }

    private static PoolerMode pooler(HostPort host, Map<String, String> parameters, String user) {
        String lowerHost = host.host.toLowerCase(Locale.ROOT);
        if (lowerHost.endsWith(".pooler.supabase.com") && host.port == 6543) {
            return transaction("Supavisor transaction mode (" + host.host + ":6543)");
        }
        if ("true".equalsIgnoreCase(parameters.get("pgbouncer"))) {
            return transaction("pgbouncer=true in the URL, Prisma's flag for a transaction pooler, which is not"
                    + " passed to the driver");
        }
        if (host.port == 6543 && (lowerHost.endsWith(".supabase.co") || lowerHost.endsWith(".supabase.com"))) {
            return transaction("Supabase's transaction pooler port 6543 on " + host.host);
        }
        if (host.port == 6543 && user != null && user.contains(".")) {
            return transaction("port 6543 with a tenant-qualified user (" + user + "), as Supavisor's transaction"
                    + " mode uses");
        }
        return PoolerMode.NONE;
    }

    private static PoolerMode transaction(String reason) {
        return new PoolerMode(PoolerMode.Kind.TRANSACTION, reason + "; set pooler to none if there is no pooler");
    }

    private static String firstSchema(String searchPath) {
        if (searchPath == null || searchPath.isBlank()) {
            return null;
        }
        String first = searchPath.split(",")[0].strip();
        if (first.length() >= 2 && first.startsWith("\"") && first.endsWith("\"")) {
            return first.substring(1, first.length() - 1);
        }
        return first;
    }

    private static Map<String, String> parameters(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.put(name, value);
        }
        return parameters;
    }

    /** RFC 3986 percent-decoding ({@code +} stays a plus sign, unlike form decoding). */
    static String decode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
                out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 3;
            } else {
                int codePoint = text.codePointAt(i);
                out.writeBytes(new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(codePoint);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
