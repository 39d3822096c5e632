package io.github.pgmigrate.fleet;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.pgmigrate.output.JsonFile;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a fleet run did, target by target: the summary table printed at the end and the JSON report.
 *
 * @param outcomes    one per target, in the targets' order
 * @param elapsed     wall time of the whole run
 * @param parallelism how many targets ran at a time
 */
public record FleetResult(List<TargetOutcome> outcomes, Duration elapsed, int parallelism) {

    public FleetResult {
        outcomes = List.copyOf(outcomes);
    }

    public List<TargetOutcome> failures() {
        return outcomes.stream().filter(TargetOutcome::failed).toList();
    }

    public long count(TargetOutcome.Result result) {
        return outcomes.stream().filter(o -> o.result() == result).count();
    }

    /** A fixed-width table: target, from → to, files, time, result. */
    public List<String> table() {
        int width = Math.max("target".length(), outcomes.stream().mapToInt(o -> o.target().length()).max().orElse(0));
        String format = "%-" + width + "s  %-33s  %5s  %8s  %s";
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, format, "target", "from -> to", "files", "time", "result"));
        for (TargetOutcome o : outcomes) {
            lines.add(String.format(Locale.ROOT, format, o.target(), version(o.from()) + " -> " + version(o.to()),
                    o.files(), String.format(Locale.ROOT, "%.1f s", o.elapsed().toNanos() / 1e9), o.result()));
        }
        lines.add(outcomes.size() + " target(s): " + count(TargetOutcome.Result.OK) + " ok, "
                + count(TargetOutcome.Result.ATTENTION) + " need attention, " + count(TargetOutcome.Result.FAILED)
                + " failed, " + count(TargetOutcome.Result.NOT_RUN) + " not run; "
                + String.format(Locale.ROOT, "%.1f s", elapsed.toNanos() / 1e9) + " with " + parallelism
                + " at a time");
        return lines;
    }

    private static String version(String version) {
        return version == null ? "-" : version;
    }

    /** Writes the JSON report (every outcome with its message) to {@code file}. */
    public void writeJson(String goal, Path file) throws IOException {
        ObjectNode root = JsonFile.mapper().createObjectNode();
        root.put("goal", goal);
        root.put("targets", outcomes.size());
        root.put("failed", count(TargetOutcome.Result.FAILED));
        root.put("elapsedMillis", elapsed.toMillis());
        root.put("parallelism", parallelism);
        ArrayNode rows = root.putArray("outcomes");
        for (TargetOutcome o : outcomes) {
            ObjectNode row = rows.addObject();
            row.put("target", o.target());
            row.put("result", o.result().name());
            row.put("from", o.from());
            row.put("to", o.to());
            row.put("files", o.files());
            row.put("elapsedMillis", o.elapsed().toMillis());
            row.put("message", o.message());
        }
        JsonFile.write(file, root);
    }
}
