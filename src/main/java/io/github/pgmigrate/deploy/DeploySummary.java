package io.github.pgmigrate.deploy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.pgmigrate.output.JsonFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a deploy did, as a reviewer pastes it into a change ticket (text) and as target/pgmigrate/deploy.json.
 *
 * @param environment the environment's name
 * @param database    the URL, password masked
 * @param started     when the deploy started (ISO-8601, UTC)
 * @param from        the version before, or null
 * @param to          the version after, or null when nothing was applied
 * @param pending     the files the plan held
 * @param steps       every step, in order
 */
public record DeploySummary(String environment, String database, String started, String from, String to,
                            List<String> pending, List<StepOutcome> steps) {

    public DeploySummary {
        pending = List.copyOf(pending);
        steps = List.copyOf(steps);
    }

    public boolean succeeded() {
        return steps.stream().allMatch(s -> s.result() == StepOutcome.Result.PASSED);
    }

    /** The lines of the change-ticket summary. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("Deploy summary: " + (succeeded() ? "SUCCEEDED" : "STOPPED"));
        lines.add("  environment: " + environment + " (" + database + ")");
        lines.add("  started:     " + started);
        lines.add("  version:     " + (from == null ? "none" : from) + " -> " + (to == null ? "unchanged" : to));
        lines.add("  migrations:  " + (pending.isEmpty() ? "none pending" : String.join(", ", pending)));
        for (StepOutcome step : steps) {
            lines.add(String.format(Locale.ROOT, "  %-20s %-8s %s", step.step().label(),
                    step.result().name().toLowerCase(Locale.ROOT).replace('_', ' '), step.detail()));
        }
        return lines;
    }

    public ObjectNode toJson() {
        ObjectNode json = JsonFile.mapper().createObjectNode();
        json.put("succeeded", succeeded());
        json.put("environment", environment);
        json.put("database", database);
        json.put("started", started);
        json.put("fromVersion", from);
        json.put("toVersion", to);
        ArrayNode files = json.putArray("pending");
        pending.forEach(files::add);
        ArrayNode outcomes = json.putArray("steps");
        for (StepOutcome step : steps) {
            outcomes.addObject().put("step", step.step().label())
                    .put("result", step.result().name().toLowerCase(Locale.ROOT))
                    .put("detail", step.detail());
        }
        return json;
    }
}
