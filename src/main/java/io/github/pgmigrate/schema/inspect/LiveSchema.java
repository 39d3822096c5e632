package io.github.pgmigrate.schema.inspect;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.database.DatabaseConnector;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A target database's schema and PostgreSQL major, read over one connection, with the connection's revisions schema
 * left out of the scope.
 */
public record LiveSchema(Inspection inspection, int major) {

    /** @param scope the schemas to read; its revisions schema is replaced by the connector's */
    public static LiveSchema read(DatabaseConnector connector, InspectScope scope) throws PgMigrateException {
        InspectScope withoutRevisions = new InspectScope(scope.schemas(), scope.excludeSchemas(),
                connector.settings().effectiveRevisionsSchema());
        try (Connection connection = connector.open()) {
            return new LiveSchema(SchemaInspector.inspect(connection, withoutRevisions),
                    connection.getMetaData().getDatabaseMajorVersion());
        } catch (SQLException e) {
            throw new PgMigrateException("could not inspect " + connector.settings().target().displayUrl() + ": "
                    + connector.settings().scrub(e.getMessage()), null, e);
        }
    }
}
