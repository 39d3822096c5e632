package io.github.pgmigrate.status;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.pgmigrate.output.JsonFile;

/**
 * A {@link StatusReport} as JSON: {@code {status, currentVersion, nextVersion, executedFiles, pendingFiles,
 * outOfOrderFiles, lastPartial, appliedStatements, totalStatements, error, errorStatement, outOfOrderError,
 * changedFiles[{file, version, appliedHash, currentHash, unappliedBefore}], migrations[{version, description, state,
 * executedAt, millis, statements, supabase}]}, supabaseHistory{versions, onlySupabase, onlyAtlas}}; {@code supabase}
 * (applied by the Supabase CLI) and {@code supabaseHistory} are null when the database has no Supabase history; versions are null where the text shows "No migration applied yet" or "Already
 * at latest version", hashes carry their {@code h1:} prefix.
 */
public final class StatusJson {
    private StatusJson() {
    }

    public static ObjectNode toJson(StatusReport report) {
        ObjectNode root = JsonFile.mapper().createObjectNode();
        root.put("status", report.state());
        root.put("currentVersion", StatusReport.NONE_APPLIED.equals(report.current()) ? null : report.current());
        root.put("nextVersion", StatusReport.UP_TO_DATE.equals(report.next()) ? null : report.next());
        root.put("nextIsCheckpoint", report.nextIsCheckpoint());
        root.put("executedFiles", report.executed());
        root.put("pendingFiles", report.pending());
        root.put("outOfOrderFiles", report.outOfOrder());
        root.put("lastPartial", report.lastPartial());
        root.put("appliedStatements", report.appliedStatements());
        root.put("totalStatements", report.totalStatements());
        root.put("error", report.error());
        root.put("errorStatement", report.errorStatement());
        root.put("outOfOrderError", report.outOfOrderError());
        ArrayNode changed = root.putArray("changedFiles");
        for (StatusReport.ChangedFile file : report.changed()) {
            ObjectNode node = changed.addObject();
            node.put("file", file.name());
            node.put("version", file.version());
            node.put("appliedHash", "h1:" + file.appliedHash());
            node.put("currentHash", "h1:" + file.currentHash());
            node.put("unappliedBefore", file.unappliedBefore());
        }
        ArrayNode migrations = root.putArray("migrations");
        for (StatusReport.Row row : report.rows()) {
            ObjectNode node = migrations.addObject();
            node.put("version", row.version());
            node.put("description", row.description());
            node.put("state", row.state());
            node.put("executedAt", row.executedAt().isEmpty() ? null : row.executedAt());
            if (row.millis() >= 0) {
                node.put("millis", row.millis());
            } else {
                node.putNull("millis");
            }
            node.put("statements", row.statements().isEmpty() ? null : row.statements());
            if (report.supabase() == null) {
                node.putNull("supabase");
            } else {
                node.put("supabase", report.supabase().applied(row.version()));
            }
        }
        SupabaseSideBySide supabase = report.supabase();
        if (supabase == null) {
            root.putNull("supabaseHistory");
        } else {
            ObjectNode node = root.putObject("supabaseHistory");
            supabase.versions().forEach(node.putArray("versions")::add);
            supabase.onlySupabase().forEach(node.putArray("onlySupabase")::add);
            supabase.onlyAtlas().forEach(node.putArray("onlyAtlas")::add);
        }
        return root;
    }
}
