import io.github.pgmigrate.checksum.SumFile;
import io.github.pgmigrate.config.ConnectionSettings;
import io.github.pgmigrate.config.Environment;
import io.github.pgmigrate.devdb.DevDatabase;
import io.github.pgmigrate.devdb.DevServer;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.embedded.BinariesArchive;
import io.github.pgmigrate.embedded.ClusterTemplates;
import io.github.pgmigrate.embedded.EmbeddedServer;
import io.github.pgmigrate.output.Output;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Dev-database benchmark (a ratio beside a peer measured in the same run, never a test):
 * embedded start cold / warm against a plain initdb + pg_ctl start of the same binaries, and the replay of a
 * 200-file directory cold, warm + 1 file and with the cache off, against psql -f of the same files.
 * Usage: java -cp CLASSPATH bench/devdb/DevDbBench.java BINARIES_JAR [files] [runs]
 */
public class DevDbBench {
    public static void main(String[] args) throws Exception {
        BinariesArchive binaries = new BinariesArchive(Path.of(args[0]));
        int files = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path work = Files.createTempDirectory("devdb-bench-");

        List<Long> cold = new ArrayList<>();
        List<Long> warm = new ArrayList<>();
        List<Long> plain = new ArrayList<>();
        Path pgBin = null;
        for (int r = 0; r < runs; r++) {
            ClusterTemplates fresh = ClusterTemplates.at(Files.createTempDirectory(work, "cache-"));
            long t = System.nanoTime();
            try (EmbeddedServer server = EmbeddedServer.start(binaries, fresh)) {
                cold.add(ms(t));
                pgBin = binDirectory(server);
            }
            ClusterTemplates machine = ClusterTemplates.at(work.resolve("machine-cache"));
            EmbeddedServer.start(binaries, machine).close();
            t = System.nanoTime();
            try (EmbeddedServer server = EmbeddedServer.start(binaries, machine)) {
                warm.add(ms(t));
            }
            plain.add(plainInitdbAndStart(pgBin, work.resolve("plain-" + r)));
        }
        System.out.printf("embedded start, median of %d: cold (initdb, cached) %d ms | warm (copy of the cached"
                + " template) %d ms | peer: initdb + pg_ctl start %d ms%n", runs, median(cold), median(warm),
                median(plain));

        Path dir = work.resolve("migrations");
        MigrationDirectory directory = generate(dir, files);
        try (EmbeddedServer server = EmbeddedServer.start(binaries, ClusterTemplates.at(work.resolve("machine-cache")))) {
            DevServer cached = DevServer.embedded(server, true, Output.NONE);
            DevServer uncached = DevServer.embedded(server, false, Output.NONE);
            List<Long> off = new ArrayList<>();
            List<Long> coldReplay = new ArrayList<>();
            List<Long> warmPlusOne = new ArrayList<>();
            List<Long> psql = new ArrayList<>();
            for (int r = 0; r < runs; r++) {
                long t = System.nanoTime();
                uncached.replay(directory, null).close();
                off.add(ms(t));
                MigrationDirectory base = generate(dir.resolveSibling("run-" + r), files);
                t = System.nanoTime();
                cached.replay(base, null).close();
                coldReplay.add(ms(t));
                MigrationDirectory plusOne = generate(dir.resolveSibling("run-" + r), files + 1);
                t = System.nanoTime();
                cached.replay(plusOne, null).close();
                warmPlusOne.add(ms(t));
                psql.add(psqlReplay(server, directory, r));
            }
            System.out.printf("replay of %d files, median of %d: cache off %d ms | cold cache (replay + store) %d ms"
                    + " | warm + 1 new file %d ms | peer: CREATE DATABASE + psql -1 -f of the same files %d ms%n",
                    files, runs, median(off), median(coldReplay), median(warmPlusOne), median(psql));
        }
    }

    static MigrationDirectory generate(Path dir, int files) throws Exception {
        Files.createDirectories(dir);
        String salt = dir.getFileName().toString();
        for (int i = 0; i < files; i++) {
            Path file = dir.resolve(String.format("%014d_m%d.sql", 20250101000000L + i, i));
            if (!Files.exists(file)) {
                Files.writeString(file, "-- " + salt + "\nCREATE TABLE t" + i + " (id bigint PRIMARY KEY, name text"
                        + " NOT NULL DEFAULT 'x', created timestamptz DEFAULT now());\nCREATE INDEX t" + i + "_name ON t"
                        + i + " (name);\nCREATE FUNCTION f" + i + "() RETURNS int LANGUAGE sql AS $$ SELECT " + i
                        + " $$;\nCOMMENT ON TABLE t" + i + " IS 'table " + i + "';\n");
            }
        }
        MigrationDirectory loaded = MigrationDirectory.load(dir);
        Files.write(dir.resolve(MigrationDirectory.SUM_FILE), SumFile.compute(loaded.files()).format());
        return MigrationDirectory.load(dir);
    }

    static long psqlReplay(EmbeddedServer server, MigrationDirectory directory, int run) throws Exception {
        Path all = Files.createTempFile("devdb-bench-", ".sql");
        for (var file : directory.files()) {
            Files.write(all, file.content(), java.nio.file.StandardOpenOption.APPEND);
        }
        long t = System.nanoTime();
        String db = "psql_" + run;
        try (Connection c = DriverManager.getConnection(server.jdbcUrl("postgres"), EmbeddedServer.USER, null)) {
            c.createStatement().execute("CREATE DATABASE " + db + " TEMPLATE template0");
        }
        Process p = new ProcessBuilder("psql", "-q", "-X", "-1", "-v", "ON_ERROR_STOP=1", "-h", "localhost", "-p",
                String.valueOf(server.port()), "-U", EmbeddedServer.USER, "-d", db, "-f", all.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("psql failed");
        }
        return ms(t);
    }

    static long plainInitdbAndStart(Path bin, Path data) throws Exception {
        long t = System.nanoTime();
        run(bin.resolve("initdb").toString(), "-A", "trust", "-U", "postgres", "-E", "UTF-8", "-D", data.toString());
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        run(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-l", data.resolveSibling(
                data.getFileName() + ".log").toString(), "-o", "-p " + port + " -c fsync=off -c listen_addresses=localhost",
                "start");
        long elapsed = ms(t);
        run(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop");
        return elapsed;
    }

    static Path binDirectory(EmbeddedServer server) throws Exception {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl("postgres"), EmbeddedServer.USER, null);
             var rs = c.createStatement().executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            long pid = ProcessHandle.of(rs.getLong(1)).orElseThrow().parent().orElseThrow().pid();
            return Path.of(ProcessHandle.of(pid).orElseThrow().info().command().orElseThrow()).getParent();
        }
    }

    /** As zonky does: initdb and pg_ctl refuse to run as root, so root runs them in a user namespace. */
    static void run(String... command) throws Exception {
        List<String> line = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            line.addAll(List.of("unshare", "-U"));
        }
        line.addAll(List.of(command));
        Process p = new ProcessBuilder(line).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }

    static long ms(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
