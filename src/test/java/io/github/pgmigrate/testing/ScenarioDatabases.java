package io.github.pgmigrate.testing;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * Gives a Maven Invoker scenario ({@code src/it/<scenario>}) its own database. Call it from the scenario's
 * {@code setup.groovy} (the Invoker configuration adds the test class path to the scripts):
 *
 * <pre>{@code
 * io.github.pgmigrate.testing.ScenarioDatabases.plain(basedir)      // or .supabase(basedir)
 * }</pre>
 *
 * It creates the database and writes its connection into the scenario's {@code test.properties}, which the Invoker
 * reads after the setup script and passes to the build as user properties: {@value #URL}, {@value #USER},
 * {@value #PASSWORD} (empty when the server needs none) and {@value #NAME}, so the scenario's pom can say
 * {@code <url>${it.db.url}</url>}. The verify script reads the same file back with {@link #read(Path)} or connects with
 * {@link #connect(Path)}.
 */
public final class ScenarioDatabases {
    public static final String FILE = "test.properties";
    public static final String URL = "it.db.url";
    public static final String USER = "it.db.user";
    public static final String PASSWORD = "it.db.password";
    public static final String NAME = "it.db.name";
    /** {@link #throughPgBouncer}: the scenario's database through PgBouncer, as a pgjdbc URL. */
    public static final String POOLER_URL = "it.pooler.url";
    /** The scenario's URL through this machine's host name instead of a loopback literal. */
    public static final String HOST_NAME_URL = "it.hostName.url";
    /** {@link #throughPgBouncer}: PgBouncer's {@code host:port}, for {@code postgres://} URLs. */
    public static final String POOLER_HOST_PORT = "it.pooler.hostPort";
    /** Supabase only: the superuser that set the database up, for verify scripts that inspect it. */
    public static final String ADMIN_USER = "it.db.adminUser";
    public static final String ADMIN_PASSWORD = "it.db.adminPassword";

    private ScenarioDatabases() {
    }

    /** A fresh empty database on this JVM's shared test server ({@link TestDatabases}). */
    public static void plain(java.io.File basedir) {
        plainDatabase(basedir);
    }

    /** Like {@link #plain}, returning the database, for Java callers. */
    public static TestDatabase plainDatabase(java.io.File basedir) {
        TestDatabase database = TestDatabases.createDatabase();
        Properties properties = new Properties();
        properties.setProperty(URL, database.jdbcUrl());
        properties.setProperty(USER, database.user());
        properties.setProperty(PASSWORD, nullToEmpty(database.password()));
        properties.setProperty(NAME, database.name());
        merge(basedir.toPath().resolve(FILE), properties);
        return database;
    }

    /**
     * A fresh simulated Supabase database (see {@link SupabaseFixture}); the build connects as {@code postgres}.
     * Returns nothing because the Invoker fails a setup script whose last expression is not null or true.
     */
    public static void supabase(java.io.File basedir) {
        supabaseDatabase(basedir);
    }

    /**
     * A fresh, empty database on the shared test server, owned by a role of its own that logs in with a random
     * password (so a scenario can check that the password never reaches build.log). The build connects as that role;
     * {@value #ADMIN_USER} is the server's superuser, for setup and verify scripts that need more rights.
     */
    public static void fresh(java.io.File basedir) {
        merge(basedir.toPath().resolve(FILE), freshOn(TestDatabases.server(), ""));
    }

    /**
     * Like {@link #fresh}, once per PostgreSQL major, each on an embedded server of that major, written with the
     * prefix {@code it.pg<major>.} ({@code it.pg13.url}, {@code it.pg13.user}, {@code it.pg13.password}, …).
     */
    public static void freshOnMajors(java.io.File basedir, java.util.List<Integer> majors) {
        Properties all = new Properties();
        for (int major : majors) {
            all.putAll(freshOn(TestDatabases.embeddedServer(major), "it.pg" + major + "."));
        }
        merge(basedir.toPath().resolve(FILE), all);
    }

    /**
     * Several fresh databases on the shared test server, one per name, each like {@link #fresh} and written with the
     * prefix {@code it.<name>.} ({@code it.eu.url}, {@code it.eu.user}, {@code it.eu.password}, …): a fleet of
     * environments.
     */
    public static void freshNamed(java.io.File basedir, java.util.List<String> names) {
        Properties all = new Properties();
        for (String name : names) {
            all.putAll(freshOn(TestDatabases.server(), "it." + name + "."));
        }
        merge(basedir.toPath().resolve(FILE), all);
    }

    /** Connects as the build does to the database {@link #freshNamed} created under {@code name}. */
    public static Connection connectNamed(Path basedir, String name) throws SQLException {
        Properties written = read(basedir);
        String prefix = "it." + name + ".";
        return connect(written.getProperty(prefix + "url"), written.getProperty(prefix + "user"),
                written.getProperty(prefix + "password", ""));
    }

    /** Connects as the build does to the database {@link #freshOnMajors} created for one major. */
    public static Connection connectToMajor(Path basedir, int major) throws SQLException {
        Properties written = read(basedir);
        String prefix = "it.pg" + major + ".";
        return connect(written.getProperty(prefix + "url"), written.getProperty(prefix + "user"),
                written.getProperty(prefix + "password", ""));
    }

    private static Properties freshOn(TestServer server, String prefix) {
        TestDatabase database = TestDatabases.createDatabase(server);
        String role = "o_" + database.name();
        String password = "pw-" + java.util.UUID.randomUUID();
        try (Connection admin = server.connect(server.maintenanceDatabase());
             java.sql.Statement statement = admin.createStatement()) {
            statement.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'");
            statement.execute("ALTER DATABASE " + database.name() + " OWNER TO " + role);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the owner role of " + database.name() + ": "
                    + e.getMessage(), e);
        }
        try (Connection admin = server.connect(database.name());
             java.sql.Statement statement = admin.createStatement()) {
            // PostgreSQL 15+ no longer lets everyone create in public; the owner role needs it.
            statement.execute("ALTER SCHEMA public OWNER TO " + role);
        } catch (SQLException e) {
            throw new IllegalStateException("could not hand public to " + role + ": " + e.getMessage(), e);
        }
        Properties properties = new Properties();
        String keys = prefix.isEmpty() ? "it.db." : prefix;
        properties.setProperty(keys + "url", database.jdbcUrl());
        properties.setProperty(keys + "user", role);
        properties.setProperty(keys + "password", password);
        properties.setProperty(keys + "name", database.name());
        properties.setProperty(keys + "adminUser", server.user());
        properties.setProperty(keys + "adminPassword", nullToEmpty(server.password()));
        return properties;
    }

    /**
     * After {@link #fresh}: lets the scenario's role through this JVM's PgBouncer in transaction pool mode
     * ({@link TestPgBouncer}, started on first use) and writes {@value #POOLER_URL} and {@value #POOLER_HOST_PORT}.
     * Fails when PgBouncer is not installed.
     */
    public static void throughPgBouncer(java.io.File basedir) {
        Properties written = read(basedir.toPath());
        TestPgBouncer bouncer = TestPgBouncer.instance();
        bouncer.allow(written.getProperty(USER), written.getProperty(PASSWORD));
        Properties properties = new Properties();
        properties.setProperty(POOLER_URL, bouncer.jdbcUrl(written.getProperty(NAME)));
        properties.setProperty(POOLER_HOST_PORT, "127.0.0.1:" + bouncer.port());
        merge(basedir.toPath().resolve(FILE), properties);
    }

    /**
     * After {@link #fresh}: writes {@value #HOST_NAME_URL}, the scenario's URL with its host replaced by this machine's
     * host name ({@code hostname}), which /etc/hosts maps to loopback: a URL that reaches the test server but is not
     * literally local, as a production alias would not be. Fails unless the name resolves to loopback only.
     */
    public static void throughHostName(java.io.File basedir) throws IOException, InterruptedException {
        Process hostname = new ProcessBuilder("hostname").redirectErrorStream(true).start();
        String name = new String(hostname.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (hostname.waitFor() != 0 || name.isEmpty() || !name.matches("[A-Za-z0-9.-]+")) {
            throw new IllegalStateException("'hostname' gave no usable host name: '" + name + "'");
        }
        java.net.InetAddress[] addresses = java.net.InetAddress.getAllByName(name);
        if (java.util.Arrays.stream(addresses).anyMatch(a -> !a.isLoopbackAddress())) {
            throw new IllegalStateException("this machine's host name " + name + " resolves to "
                    + java.util.Arrays.toString(addresses) + ", not to loopback only; add '127.0.0.1 " + name
                    + "' to /etc/hosts");
        }
        String url = read(basedir.toPath()).getProperty(URL);
        String renamed = url.replaceFirst("^jdbc:postgresql://[^/:]+", "jdbc:postgresql://" + name);
        if (renamed.equals(url)) {
            throw new IllegalStateException("cannot put the host name into " + url);
        }
        Properties properties = new Properties();
        properties.setProperty(HOST_NAME_URL, renamed);
        merge(basedir.toPath().resolve(FILE), properties);
    }

    /**
     * After {@link #fresh}: gives the scenario's database a fixed name (dropping a database of that name a previous
     * run left), so a scenario's goals can type it, e.g. in {@code -Dpgmigrate.confirm=<name>}.
     */
    public static void renameDatabase(java.io.File basedir, String name) throws SQLException {
        Properties written = read(basedir.toPath());
        String old = written.getProperty(NAME);
        TestServer server = TestDatabases.server();
        try (Connection admin = server.connect(server.maintenanceDatabase());
             java.sql.Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
            statement.execute("ALTER DATABASE " + old + " RENAME TO " + name);
        }
        Properties properties = new Properties();
        properties.setProperty(URL, written.getProperty(URL).replace("/" + old, "/" + name));
        properties.setProperty(NAME, name);
        merge(basedir.toPath().resolve(FILE), properties);
    }

    /** How often the scenario's role logged in to its database through PgBouncer (from PgBouncer's log). */
    public static long pgBouncerLogins(Path basedir) throws IOException {
        Properties written = read(basedir);
        return TestPgBouncer.instance().logins(written.getProperty(NAME), written.getProperty(USER));
    }

    /** Connects to the scenario's database as the superuser that set it up ({@value #ADMIN_USER}). */
    public static Connection connectAsAdmin(Path basedir) throws SQLException {
        Properties written = read(basedir);
        return connect(written.getProperty(URL), written.getProperty(ADMIN_USER),
                written.getProperty(ADMIN_PASSWORD, ""));
    }

    /**
     * Fails when the scenario's password (or the admin password) appears in the text, without printing it, so a
     * verify script can check build.log. Passwords shorter than 4 characters are not searched for.
     */
    public static void assertNoPassword(Path basedir, String text) {
        Properties written = read(basedir);
        for (String key : written.stringPropertyNames()) {
            if (!key.endsWith("assword")) {
                continue;
            }
            String secret = written.getProperty(key, "");
            if (secret.length() >= 4 && text.contains(secret)) {
                throw new AssertionError("the value of " + key + " appears in the build output");
            }
        }
    }

    /** Like {@link #supabase}, returning the database, for Java callers. */
    public static SupabaseDatabase supabaseDatabase(java.io.File basedir) {
        SupabaseDatabase database = SupabaseFixture.createDatabase();
        Properties properties = new Properties();
        properties.setProperty(URL, database.jdbcUrl());
        properties.setProperty(USER, database.user());
        properties.setProperty(PASSWORD, nullToEmpty(database.password()));
        properties.setProperty(NAME, database.name());
        properties.setProperty(ADMIN_USER, database.adminUser());
        properties.setProperty(ADMIN_PASSWORD, nullToEmpty(database.adminPassword()));
        merge(basedir.toPath().resolve(FILE), properties);
        return database;
    }

    /** The properties a setup script wrote, for the verify script. */
    public static Properties read(Path basedir) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(basedir.resolve(FILE), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + basedir.resolve(FILE), e);
        }
        return properties;
    }

    /**
     * Connects to the scenario's database as the build does ({@value #USER}), for verify scripts. Uses pgjdbc's
     * driver directly: DriverManager does not see drivers loaded by a script's class loader.
     */
    public static Connection connect(Path basedir) throws SQLException {
        Properties written = read(basedir);
        return connect(written.getProperty(URL), written.getProperty(USER), written.getProperty(PASSWORD, ""));
    }

    private static Connection connect(String url, String user, String password) throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", user);
        if (!password.isEmpty()) {
            credentials.setProperty("password", password);
        }
        return new Driver().connect(url, credentials);
    }

    /** Adds to the scenario's own test.properties, if it has one, instead of replacing it. */
    private static void merge(Path file, Properties properties) {
        try {
            Properties merged = new Properties();
            if (Files.exists(file)) {
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    merged.load(reader);
                }
            }
            merged.putAll(properties);
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                merged.store(writer, "database for this scenario, written by ScenarioDatabases");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    /**
     * Creates (or resets) a login role with a SCRAM password that may create objects in the scenario's database and
     * in its {@code public} schema. Roles belong to the whole server, so scenarios share fixed role names. When the
     * server's pg_hba.conf is writable (the embedded server), a rule makes it really check that role's password, so
     * only a correctly decrypted or decoded password gets in.
     */
    public static void createPasswordRole(Path basedir, String role, String password) throws SQLException, IOException {
        String database = read(basedir).getProperty(NAME);
        try (Connection admin = connectAsAdmin(basedir); java.sql.Statement statement = admin.createStatement()) {
            statement.execute("SET password_encryption = 'scram-sha-256'");
            statement.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role + "') THEN"
                    + " CREATE ROLE " + role + " LOGIN; END IF; END $$");
            statement.execute("ALTER ROLE " + role + " PASSWORD '" + password.replace("'", "''") + "'");
            statement.execute("GRANT CREATE ON DATABASE " + database + " TO " + role);
            statement.execute("GRANT USAGE, CREATE ON SCHEMA public TO " + role);
            Path hba;
            try (java.sql.ResultSet rs = statement.executeQuery("SHOW hba_file")) {
                rs.next();
                hba = Path.of(rs.getString(1));
            }
            if (Files.isWritable(hba)) {
                String rule = "host all " + role + " all scram-sha-256";
                String text = Files.readString(hba);
                if (!text.contains(rule)) {
                    Files.writeString(hba, rule + "\n" + text);
                    statement.execute("SELECT pg_reload_conf()");
                }
            }
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
