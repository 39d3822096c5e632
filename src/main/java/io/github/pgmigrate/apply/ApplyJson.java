package io.github.pgmigrate.apply;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Duration;

/**
 * An {@link ApplyResult} as JSON: {@code {dryRun, fromVersion, toVersion, migrations, statements, millis,
 * files[{name, version, statements, millis}]}}; versions are null on a database without history.
 */
public final class ApplyJson {
    private ApplyJson() {
    }

    public static void write(ApplyResult result, JsonGenerator json) throws IOException {
        json.writeStartObject();
        json.writeBooleanField("dryRun", result.dryRun());
        json.writeStringField("fromVersion", result.fromVersion());
        json.writeStringField("toVersion", result.toVersion());
        json.writeNumberField("migrations", result.applied().size());
        json.writeNumberField("statements", result.statements());
        json.writeNumberField("millis", Duration.ofNanos(result.nanos()).toMillis());
        json.writeArrayFieldStart("files");
        for (ApplyResult.AppliedFile file : result.applied()) {
            json.writeStartObject();
            json.writeStringField("name", file.name());
            json.writeStringField("version", file.version());
            json.writeNumberField("statements", file.statements());
            json.writeNumberField("millis", Duration.ofNanos(file.nanos()).toMillis());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }
}
