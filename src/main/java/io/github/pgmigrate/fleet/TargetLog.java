package io.github.pgmigrate.fleet;

import io.github.pgmigrate.output.Output;
import java.util.ArrayList;
import java.util.List;

/**
 * One target's output, held back while it runs and printed as one block when it ends, so that targets running side
 * by side do not interleave their lines.
 */
final class TargetLog implements Output {
    private final String prefix;
    private final List<String[]> lines = new ArrayList<>();

    TargetLog(String target) {
        this.prefix = "[" + target + "] ";
    }

    @Override
    public synchronized void info(String line) {
        lines.add(new String[] {"info", line});
    }

    @Override
    public synchronized void warn(String line) {
        lines.add(new String[] {"warn", line});
    }

    synchronized void flushTo(Output out) {
        for (String[] line : lines) {
            if (line[0].equals("warn")) {
                out.warn(prefix + line[1]);
            } else {
                out.info(prefix + line[1]);
            }
        }
        lines.clear();
    }
}
