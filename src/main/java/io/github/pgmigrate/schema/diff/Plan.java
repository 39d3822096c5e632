package io.github.pgmigrate.schema.diff;

import java.util.List;

/** The ordered statements that turn one schema into another, and the hazards among them. */
public record Plan(List<Step> steps, List<Hazard> hazards) {

    public Plan {
        steps = List.copyOf(steps);
        hazards = List.copyOf(hazards);
    }

    public boolean isEmpty() {
        return steps.isEmpty();
    }

    /** Every statement followed by a semicolon and a newline: a script {@code psql -f} runs as it is. */
    public String sql() {
        StringBuilder out = new StringBuilder();
        for (Step step : steps) {
            out.append(step.sql()).append(";\n");
        }
        return out.toString();
    }
}
