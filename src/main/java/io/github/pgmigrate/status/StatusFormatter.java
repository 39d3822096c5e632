package io.github.pgmigrate.status;

import io.github.pgmigrate.history.SupabaseHistoryTable;
import java.util.ArrayList;
import java.util.Arrays;
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
        SupabaseSideBySide supabase = report.supabase();
        if (supabase != null) {
            lines.add("");
            lines.add("Supabase CLI history (" + SupabaseHistoryTable.QUALIFIED + "): " + supabase.versions().size()
                    + " versions" + (supabase.disagrees() ? "" : ", the same as Atlas's revisions"));
            if (!supabase.onlySupabase().isEmpty()) {
                lines.add("  -- Applied by Supabase CLI only: " + String.join(", ", supabase.onlySupabase()));
            }
            if (!supabase.onlyAtlas().isEmpty()) {
                lines.add("  -- Recorded by Atlas/pgmigrate only: " + String.join(", ", supabase.onlyAtlas()));
            }
            if (supabase.disagrees()) {
                lines.add("  Adopt Supabase's history with mvn pgmigrate:set -Dpgmigrate.importHistory=supabase;"
                        + " keep both in step with -Dpgmigrate.history=both.");
            }
        }
        if (!report.rows().isEmpty()) {
            lines.add("");
            lines.addAll(table(report.rows(), supabase));
        }
        return lines;
    }

    private static List<String> table(List<StatusReport.Row> rows, SupabaseSideBySide supabase) {
        String[] headers = supabase == null
                ? new String[] {"Version", "Description", "State", "Executed at", "Time", "Statements"}
                : new String[] {"Version", "Description", "State", "Executed at", "Time", "Statements", "Supabase"};
        List<String[]> cells = new ArrayList<>();
        for (StatusReport.Row row : rows) {
            String[] cell = {row.version(), row.description(), row.state(), row.executedAt(),
                row.millis() < 0 ? "" : row.millis() + " ms", row.statements(), ""};
            if (supabase != null && supabase.applied(row.version())) {
                cell[6] = "applied";
            }
            cells.add(Arrays.copyOf(cell, headers.length));
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
