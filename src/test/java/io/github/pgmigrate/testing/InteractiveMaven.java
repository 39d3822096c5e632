package io.github.pgmigrate.testing;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Runs Maven on an Invoker scenario once more, from its verify script, as a person at a terminal would: interactive
 * (the Invoker's builds are batch builds, and Maven 3.9 also turns {@code CI=true} into batch mode, so that variable is
 * removed), with a line typed on standard input. Offline, on the scenario's local repository, with the scenario's
 * {@code test.properties} as user properties like the Invoker passes them.
 */
public final class InteractiveMaven {
    private static final long TIMEOUT_MINUTES = 5;

    private InteractiveMaven() {
    }

    /**
     * @param logName the file under the scenario's folder that keeps the build's output
     * @return the build's output (standard output and error)
     */
    public static String run(File basedir, File localRepository, String typed, String logName, String... goals)
            throws IOException, InterruptedException {
        String mavenHome = System.getProperty("maven.home");
        if (mavenHome == null) {
            throw new IllegalStateException("maven.home is not set: run this from an Invoker script");
        }
        Path scenario = basedir.toPath();
        List<String> command = new ArrayList<>(List.of(Path.of(mavenHome, "bin", "mvn").toString(), "-o",
                "-s", settings(scenario).toString(), "-Dmaven.repo.local=" + localRepository.getAbsolutePath(),
                "-f", scenario.resolve("pom.xml").toString()));
        Properties properties = ScenarioDatabases.read(scenario);
        for (String name : properties.stringPropertyNames()) {
            command.add("-D" + name + "=" + properties.getProperty(name));
        }
        command.addAll(List.of(goals));
        Path log = scenario.resolve(logName);
        ProcessBuilder builder = new ProcessBuilder(command).directory(basedir).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().remove("CI");
        Process maven = builder.start();
        try (OutputStream stdin = maven.getOutputStream()) {
            stdin.write((typed + "\n").getBytes(StandardCharsets.UTF_8));
        }
        if (!maven.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            maven.destroyForcibly();
            throw new IllegalStateException("the interactive build did not end within " + TIMEOUT_MINUTES
                    + " minutes; its output is in " + log);
        }
        return Files.readString(log);
    }

    // The Invoker's settings (src/it/settings.xml), with the repository id the scenario's local repository recorded.
    private static Path settings(Path scenario) throws IOException {
        Path source = scenario.resolve("../../../src/it/settings.xml").normalize();
        String remote = Path.of(System.getProperty("user.home"), ".m2", "repository").toUri().toString();
        Path settings = scenario.resolve("interactive-settings.xml");
        Files.writeString(settings, Files.readString(source).replace("@localRepositoryUrl@", remote));
        return settings;
    }
}
