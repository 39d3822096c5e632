package io.github.pgmigrate.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The build.log of an Invoker scenario, read by its verify.groovy. A scenario with several {@code invoker.goals.N}
 * writes one Maven build after another into the same file; {@link #builds} cuts it into them, in order.
 */
public final class ScenarioLog {
    /** Maven's first line; without the level prefix when a scenario runs Maven in batch mode with -q or -X. */
    private static final Pattern BUILD_START = Pattern.compile("(?m)^(\\[INFO\\] )?Scanning for projects\\.\\.\\.");

    private ScenarioLog() {
    }

    /** The whole build.log of the scenario in {@code basedir}. */
    public static String text(File basedir) {
        try {
            return Files.readString(new File(basedir, "build.log").toPath(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each Maven build of the scenario that got as far as a result line, in the order they ran. */
    public static List<String> builds(File basedir) {
        return split(text(basedir));
    }

    static List<String> split(String log) {
        return Arrays.stream(BUILD_START.split(log)).filter(build -> build.contains("BUILD ")).toList();
    }
}
