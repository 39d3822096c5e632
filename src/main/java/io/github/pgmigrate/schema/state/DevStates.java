package io.github.pgmigrate.schema.state;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.devdb.DevDatabase;
import io.github.pgmigrate.devdb.DevServer;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.schema.inspect.InspectScope;
import io.github.pgmigrate.schema.inspect.Inspection;
import io.github.pgmigrate.schema.inspect.SchemaInspector;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/** The schema of a state that exists only as SQL: loaded onto a fresh dev database, inspected, dropped. */
public final class DevStates {
    private DevStates() {
    }

    /** The schema desired-schema SQL ({@code file:}) creates. */
    public static Inspection inspectSql(DevServer server, Path location, InspectScope scope)
            throws PgMigrateException, IOException {
        try (DevDatabase database = DesiredSchemaSql.at(location).load(server)) {
            return inspect(database, scope);
        }
    }

    /** The schema the migration directory ({@code dir:}) creates when replayed from an empty database. */
    public static Inspection inspectReplay(DevServer server, MigrationDirectory directory, InspectScope scope)
            throws PgMigrateException {
        return inspectReplay(server, directory, scope, null);
    }

    /** The schema the migration directory creates up to and including {@code toVersion} (null: every file). */
    public static Inspection inspectReplay(DevServer server, MigrationDirectory directory, InspectScope scope,
                                           String toVersion) throws PgMigrateException {
        try (DevDatabase database = server.replay(directory, toVersion)) {
            return inspect(database, scope);
        }
    }

    private static Inspection inspect(DevDatabase database, InspectScope scope) throws PgMigrateException {
        try (Connection connection = database.connector().open()) {
            return SchemaInspector.inspect(connection, scope);
        } catch (SQLException e) {
            throw new PgMigrateException("could not inspect the " + database.description() + ": " + e.getMessage(),
                    null, e);
        }
    }
}
