package io.github.pgmigrate.status;

import java.util.ArrayList;
import java.util.List;

/** Prints a {@link StatusReport}: Atlas's status block, then a table of versions. */
public final class StatusFormatter {
    private StatusFormatter() {
    }

    public static List<String> lines(StatusReport report) {
        List<String> lines = new ArrayList<>();
        lines.add("Migration Status: " + report.state());
        lines.add("  -- Current Version: " + report.current()
                + (report.totalStatements() > 0 ? " (" + report.appliedStatements() + " statements applied)" : ""));
        lines.add("  -- Next Version:    " + report.next() + (report.nextIsCheckpoint() ? " (checkpoint)" : "")
                + (report.totalStatements() > 0
                ? " (" + (report.totalStatements() - report.appliedStatements()) + " statements left)" : ""));
        lines.add("  -- Executed Files:  " + report.executed() + (report.lastPartial() ? " (last one partially)" : ""));
        int pending = report.pending() + report.outOfOrder();
        lines.add("  -- Pending Files:   " + pending + (report.outOfOrder() == 0 ? ""
                : report.outOfOrder() == pending ? " (out of order)" : " (" + report.outOfOrder() + " out of order)"));
        if (report.totalStatements() > 0 && report.error() != null && !report.error().isEmpty()) {
            lines.add("");
            lines.add("Last migration attempt had errors:");
            lines.add("  -- SQL:   " + report.errorStatement());
            lines.add("  -- ERROR: " + report.error());
        } else if (report.outOfOrderError() != null) {
            lines.add("");
            lines.add("  ERROR: " + report.outOfOrderError());
        }
        if (!report.changed().isEmpty()) {
            lines.add("");
            lines.add("Applied files changed since they ran: " + report.changed().size());
            for (StatusReport.ChangedFile file : report.changed()) {
                lines.add("  -- " + file.name() + ": ran as h1:" + file.appliedHash() + ", now h1:"
                        + file.currentHash() + (file.unappliedBefore() == null ? ""
                        : " (or " + file.unappliedBefore() + ", never applied and sorted before it, was added)"));
            }
            if (report.changed().size() > 1) {
                lines.add("  atlas.sum chains its hashes: after the first edited file every later one differs too.");
            }
            lines.add("  Restore them, or record the current hashes with mvn pgmigrate:repair.");
        }
        if (!report.rows().isEmpty()) {
            lines.add("");
            lines.addAll(table(report.rows()));
        }
        return lines;
    }

    private static List<String> table(List<StatusReport.Row> rows) {
        String[] headers = {"Version", "Description", "State", "Executed at", "Time", "Statements"};
        List<String[]> cells = new ArrayList<>();
        for (StatusReport.Row row : rows) {
            cells.add(new String[] {row.version(), row.description(), row.state(), row.executedAt(),
                row.millis() < 0 ? "" : row.millis() + " ms", row.statements()});
        }
        int[] widths = new int[headers.length];
        for (int i = 0; i < headers.length; i++) {
            widths[i] = headers[i].length();
            for (String[] cell : cells) {
                widths[i] = Math.max(widths[i], cell[i].length());
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(format(headers, widths));
        for (String[] cell : cells) {
            lines.add(format(cell, widths));
        }
        return lines;
    }

    private static String format(String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            line.append(i == 0 ? "  " : "  ");
            line.append(cells[i]);
            if (i < cells.length - 1) {
                line.append(" ".repeat(widths[i] - cells[i].length()));
            }
        }
        return line.toString().stripTrailing();
    }
}
