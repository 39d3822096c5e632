package io.github.pgmigrate.revert;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.devdb.DevDatabase;
import io.github.pgmigrate.devdb.DevServer;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.schema.inspect.InspectScope;
import io.github.pgmigrate.schema.model.SchemaModel;
import io.github.pgmigrate.schema.state.DevStates;

/** The schema of one version of the directory: replayed on a dev database (through the replay cache). */
final class DevSchemas {
    private DevSchemas() {
    }

    /** The schema after {@code version}; null: before the first migration, an empty database. */
    static SchemaModel at(DevServer server, MigrationDirectory directory, String version, InspectScope scope)
            throws PgMigrateException {
        if (version != null) {
            return DevStates.inspectReplay(server, directory, version, scope).model();
        }
        try (DevDatabase empty = server.createDatabase()) {
            return DevStates.inspect(empty, scope).model();
        }
    }
}
