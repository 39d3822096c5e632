package io.github.pgmigrate.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Stops an embedded server (fast shutdown) and deletes its folder, writing what happened to the
 * server's log file rather than the build's console. It also runs as the JVM shutdown hook: inside Maven that runs
 * after the plugin's class realm is closed, when no further plugin class can be loaded, so it uses only JDK classes
 * and itself.
 */
final class ServerStop extends Thread {
    private final Path dataDirectory;
    private final Path workDirectory;
    private final Path log;
    private boolean done;

    ServerStop(Path dataDirectory, Path workDirectory, Path log) {
        super("pgmigrate-embedded-stop");
        this.dataDirectory = dataDirectory;
        this.workDirectory = workDirectory;
        this.log = log;
    }

    @Override
    public synchronized void run() {
        if (done) {
            return;
        }
        done = true;
        long started = System.nanoTime();
        try {
            Optional<ProcessHandle> postmaster = postmaster();
            if (postmaster.isPresent()) {
                stop(postmaster.get());
            }
            note("pgmigrate: stopped the embedded server in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        } catch (IOException | RuntimeException e) {
            note("pgmigrate: stopping the embedded server failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteTree(workDirectory);
    }

    private Optional<ProcessHandle> postmaster() throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        String first = Files.readAllLines(pidFile, StandardCharsets.UTF_8).get(0).strip();
        return ProcessHandle.of(Long.parseLong(first));
    }

    /** SIGINT is PostgreSQL's fast shutdown (SIGTERM would wait for every client to leave). */
    private void stop(ProcessHandle postmaster) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid())).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        kill.waitFor(10, TimeUnit.SECONDS);
        try {
            postmaster.onExit().get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            postmaster.destroyForcibly();
        }
    }

    private void note(String line) {
        try {
            Files.writeString(log, Instant.now() + " " + line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException ignored) {
            // nowhere left to say it
        }
    }

    private static void deleteTree(Path path) {
        if (Files.isDirectory(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(path)) {
                for (Path entry : entries) {
                    deleteTree(entry);
                }
            } catch (IOException ignored) {
                // best effort, as below
            }
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a temporary folder the OS cleans
        }
    }
}
