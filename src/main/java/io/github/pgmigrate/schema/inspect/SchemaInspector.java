package io.github.pgmigrate.schema.inspect;

import io.github.pgmigrate.schema.model.SchemaModel;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Reads a database's schema into a {@link SchemaModel}: a fixed number of catalog queries (one per object kind),
 * whatever the number of objects, in one read-only repeatable-read transaction so every query sees the same state.
 * Expressions, types and definitions come from the server's own functions ({@code format_type}, {@code pg_get_expr},
 * {@code pg_get_indexdef}, {@code pg_get_constraintdef}, {@code pg_get_viewdef}, {@code pg_get_functiondef},
 * {@code pg_get_triggerdef}) with {@code search_path} set to {@code pg_catalog}, so every name they print is
 * schema-qualified and two databases with the same schema print the same text. Nothing is written.
 */
public final class SchemaInspector {

    private SchemaInspector() {
    }

    public static Inspection inspect(Connection connection, InspectScope scope) throws SchemaInspectionException {
        boolean autoCommit;
        boolean readOnly;
        int isolation;
        try {
            autoCommit = connection.getAutoCommit();
            readOnly = connection.isReadOnly();
            isolation = connection.getTransactionIsolation();
        } catch (SQLException e) {
            throw failure(e);
        }
        try {
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SELECT set_config('search_path', 'pg_catalog', true)");
            }
            return read(connection, scope);
        } catch (SQLException e) {
            throw failure(e);
        } finally {
            try {
                connection.rollback();
                connection.setReadOnly(readOnly);
                connection.setTransactionIsolation(isolation);
                connection.setAutoCommit(autoCommit);
            } catch (SQLException ignored) {
                // the connection is broken; the caller's next use reports it
            }
        }
    }

    private static Inspection read(Connection connection, InspectScope scope) throws SQLException {
        ScopeResolver.Resolved resolved = ScopeResolver.resolve(connection, scope);
        CatalogReader catalog = new CatalogReader(connection, resolved.names(), ScopeResolver.HISTORY_TABLES);
        TypeReader types = new TypeReader(catalog);
        TableReader.Result tables = new TableReader(catalog).read();
        SchemaModel model = new SchemaModel(resolved.namespaces(), new ExtensionReader(catalog).read(),
                types.enums(), types.domains(), types.composites(), new SequenceReader(catalog).read(),
                tables.tables(), new ViewReader(catalog).read(tables.viewIndexes()),
                new RoutineReader(catalog).read(), new DependencyReader(catalog).read());
        return new Inspection(model, resolved.excludedManaged());
    }

    private static SchemaInspectionException failure(SQLException e) {
        if ("42501".equals(e.getSQLState())) {
            return new SchemaInspectionException("cannot read the schema: " + e.getMessage(),
                    "The role needs to read pg_catalog (every role can by default); connect as the schema's owner"
                            + " or a role that is not restricted by REVOKE on the catalog.", e);
        }
        return new SchemaInspectionException("cannot read the schema: " + e.getMessage(),
                "Check that the database is reachable and runs PostgreSQL 13 or later.", e);
    }
}
