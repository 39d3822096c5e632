package io.github.pgmigrate.doctor;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code doctor} found: one line per check, the classified error when it could not connect.
 *
 * @param target      the URL without its password, and the user
 * @param checks      label and finding per check, in the order they ran
 * @param error       why connecting or a check failed, or null
 * @param hint        how to fix it, or null
 */
public record DoctorReport(String target, List<Check> checks, String error, String hint) {
    public DoctorReport {
        checks = List.copyOf(checks);
    }

    /** One finding, e.g. {@code Server version: PostgreSQL 17.2}. */
    public record Check(String label, String finding) {
    }

    public boolean healthy() {
        return error == null;
    }

    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("Target:            " + target);
        for (Check check : checks) {
            lines.add(String.format("%-19s%s", check.label() + ":", check.finding()));
        }
        if (error != null) {
            lines.add("Problem:           " + error);
            if (hint != null) {
                lines.add("Fix:               " + hint);
            }
        }
        return lines;
    }
}
