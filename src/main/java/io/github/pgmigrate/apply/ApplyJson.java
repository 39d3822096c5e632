package io.github.pgmigrate.apply;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.pgmigrate.output.JsonFile;
import java.time.Duration;

/**
 * An {@link ApplyResult} as JSON: {@code {dryRun, fromVersion, toVersion, migrations, statements, millis,
 * files[{name, version, statements, millis}]}}; versions are null on a database without history.
 */
public final class ApplyJson {
    private ApplyJson() {
    }

    public static ObjectNode toJson(ApplyResult result) {
        ObjectNode root = JsonFile.mapper().createObjectNode();
        root.put("dryRun", result.dryRun());
        root.put("fromVersion", result.fromVersion());
        root.put("toVersion", result.toVersion());
        root.put("migrations", result.applied().size());
        root.put("statements", result.statements());
        root.put("millis", Duration.ofNanos(result.nanos()).toMillis());
        ArrayNode files = root.putArray("files");
        for (ApplyResult.AppliedFile file : result.applied()) {
            ObjectNode node = files.addObject();
            node.put("name", file.name());
            node.put("version", file.version());
            node.put("statements", file.statements());
            node.put("millis", Duration.ofNanos(file.nanos()).toMillis());
        }
        return root;
    }
}
