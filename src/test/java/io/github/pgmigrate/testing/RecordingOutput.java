package io.github.pgmigrate.testing;

import io.github.pgmigrate.output.Output;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects what the engine prints. */
public final class RecordingOutput implements Output {
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void info(String line) {
        lines.add(line);
    }

    @Override
    public void warn(String line) {
        lines.add("WARN " + line);
    }

    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    public String text() {
        return String.join("\n", lines());
    }
}
