package io.github.pgmigrate.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real PgBouncer in <b>transaction</b> pool mode in front of this JVM's test server ({@link TestDatabases#server()}),
 * started on first use and stopped when the JVM exits. Its configuration, password file and log are in
 * {@code target/pgbouncer/<pid>/}; it listens on a free loopback port and forwards every database name to the
 * database of the same name on the test server.
 *
 * <p>The binary is Debian's {@code pgbouncer} package ({@code apt-get install -y pgbouncer}; {@code .ci/run} installs
 * it), found on the PATH, in {@code /usr/sbin}, or at {@code -Dpgmigrate.it.pgbouncer=/path/to/pgbouncer}. There is
 * no fallback: a test that needs PgBouncer fails when it is missing. PgBouncer refuses to run as root, so as root it
 * is started with {@code -u postgres} (or {@code -Dpgmigrate.it.pgbouncerUser}).
 *
 * <p>Clients authenticate with SCRAM against PgBouncer's own password file; a role must be registered with
 * {@link #allow} first, and PgBouncer logs in to the server with the same password. (The admin console is not used:
 * PgBouncer 1.18 refuses the start-up parameters pgjdbc sends it.)
 */
public final class TestPgBouncer {
    private static final Pattern SERVER_URL = Pattern.compile("^jdbc:postgresql://([^/:]+|\\[[^]]+]):(\\d+)/");
    private static TestPgBouncer instance;

    private final Process process;
    private final int port;
    private final Path directory;
    private final Map<String, String> users = new LinkedHashMap<>();

    private TestPgBouncer(Process process, int port, Path directory) {
        this.process = process;
        this.port = port;
        this.directory = directory;
    }

    /** The JVM's PgBouncer, started on first use. */
    public static synchronized TestPgBouncer instance() {
        if (instance == null) {
            try {
                instance = start(TestDatabases.server());
            } catch (IOException e) {
                throw new UncheckedIOException("could not start PgBouncer: " + e.getMessage(), e);
            }
            System.out.println("[pgmigrate tests] PgBouncer (pool_mode=transaction) on 127.0.0.1:" + instance.port
                    + " in front of " + TestDatabases.server().provider());
        }
        return instance;
    }

    private static TestPgBouncer start(TestServer server) throws IOException {
        String binary = binary();
        Matcher matcher = SERVER_URL.matcher(server.jdbcUrl("postgres"));
        if (!matcher.find()) {
            throw new IllegalStateException("cannot read host and port from " + server.jdbcUrl("postgres"));
        }
        String serverHost = matcher.group(1).replace("[", "").replace("]", "");
        Path directory = Path.of("target", "pgbouncer", String.valueOf(ProcessHandle.current().pid()))
                .toAbsolutePath();
        Files.createDirectories(directory);
        int port = freePort();
        Path log = directory.resolve("pgbouncer.log");
        Files.deleteIfExists(log);
        Path config = directory.resolve("pgbouncer.ini");
        Files.writeString(config, String.join("\n",
                "[databases]",
                "* = host=" + serverHost + " port=" + matcher.group(2),
                "[pgbouncer]",
                "listen_addr = 127.0.0.1",
                "listen_port = " + port,
                "unix_socket_dir =",
                "pool_mode = transaction",
                "auth_type = scram-sha-256",
                "auth_file = " + directory.resolve("userlist.txt"),
                // pgjdbc sends extra_float_digits at start-up; the usual setting for Java clients.
                "ignore_startup_parameters = extra_float_digits",
                "max_client_conn = 200",
                "default_pool_size = 20",
                ""), StandardCharsets.UTF_8);
        new TestPgBouncer(null, port, directory).writeUserList();
        List<String> command = new ArrayList<>(List.of(binary));
        if ("root".equals(System.getProperty("user.name"))) {
            command.add("-u");
            command.add(System.getProperty("pgmigrate.it.pgbouncerUser", "postgres"));
        }
        command.add(config.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        TestPgBouncer started = new TestPgBouncer(process, port, directory);
        started.awaitReady();
        return started;
    }

    private static String binary() {
        String configured = System.getProperty("pgmigrate.it.pgbouncer");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        List<Path> candidates = new ArrayList<>();
        for (String entry : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!entry.isEmpty()) {
                candidates.add(Path.of(entry, "pgbouncer"));
            }
        }
        candidates.add(Path.of("/usr/sbin/pgbouncer"));
        candidates.add(Path.of("/usr/local/sbin/pgbouncer"));
        return candidates.stream().filter(Files::isExecutable).findFirst().map(Path::toString)
                .orElseThrow(() -> new IllegalStateException("PgBouncer is not installed, and this test runs through"
                        + " it: install it with 'apt-get install -y pgbouncer' (.ci/run does), or point"
                        + " -Dpgmigrate.it.pgbouncer at the binary"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void awaitReady() throws IOException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("PgBouncer exited with " + process.exitValue() + "; its log "
                        + log() + ":\n" + Files.readString(log()));
            }
            try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException e) {
                pause();
            }
        }
        process.destroy();
        throw new IllegalStateException("PgBouncer did not listen on port " + port + " within 30 s; its log " + log()
                + ":\n" + Files.readString(log()));
    }

    /**
     * Lets a server role log in through PgBouncer with its server password (and PgBouncer in to the server). The
     * password file is re-read on SIGHUP; this waits until PgBouncer says it did.
     */
    public synchronized void allow(String user, String password) {
        if (password.equals(users.get(user))) {
            return;
        }
        users.put(user, password);
        try {
            long reloads = count("got SIGHUP");
            writeUserList();
            Process kill = new ProcessBuilder("kill", "-HUP", String.valueOf(process.pid())).inheritIO().start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -HUP " + process.pid() + " failed");
            }
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (count("got SIGHUP") == reloads) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    throw new IllegalStateException("PgBouncer did not re-read its password file; its log " + log());
                }
                pause();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * How many clients logged in through PgBouncer to the database as the user, read from PgBouncer's log: the
     * proof that a build really went through the pooler.
     */
    public long logins(String database, String user) throws IOException {
        return count("login attempt: db=" + database + " user=" + user + " ");
    }

    private long count(String text) throws IOException {
        try (var lines = Files.lines(log(), StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains(text)).count();
        }
    }

    private Path log() {
        return directory.resolve("pgbouncer.log");
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void writeUserList() throws IOException {
        StringBuilder list = new StringBuilder();
        users.forEach((user, password) -> list.append('"').append(user.replace("\"", "\"\"")).append("\" \"")
                .append(password.replace("\"", "\"\"")).append("\"\n"));
        Files.writeString(directory.resolve("userlist.txt"), list, StandardCharsets.UTF_8);
    }

    public int port() {
        return port;
    }

    /** A pgjdbc URL for a database of the test server, through PgBouncer. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

}
