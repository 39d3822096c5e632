package io.github.pgmigrate.testing;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * {@code pg_dump --schema-only} (Debian's postgresql-client, major 15: it dumps servers up to 15) of a database of a
 * test server, without the per-run {@code \restrict} lines: an oracle for schema equality that pgmigrate did not write.
 */
public final class PgDump {
    /** The newest server major the machine's pg_dump can dump. */
    public static final int MAJOR = 15;

    private PgDump() {
    }

    public static String schema(TestServer server, String database) {
        String port = server.jdbcUrl(database).replaceAll(".*://[^:/]+:(\\d+)/.*", "$1");
        try {
            ProcessBuilder builder = new ProcessBuilder("pg_dump", "--schema-only", "-h", "localhost", "-p", port,
                    "-U", server.user(), database).redirectErrorStream(true);
            if (server.password() != null) {
                builder.environment().put("PGPASSWORD", server.password());
            }
            Process dump = builder.start();
            String text = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!dump.waitFor(120, TimeUnit.SECONDS) || dump.exitValue() != 0) {
                throw new IllegalStateException("pg_dump of " + database + " failed: " + text);
            }
            return text.lines().filter(l -> !l.startsWith("\\restrict") && !l.startsWith("\\unrestrict"))
                    .collect(Collectors.joining("\n"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot run pg_dump (install postgresql-client): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
