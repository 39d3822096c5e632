package io.github.pgmigrate.clean;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.command.CommandContext;
import io.github.pgmigrate.command.DatabaseCommand;
import io.github.pgmigrate.config.ConnectionSettings;
import io.github.pgmigrate.database.DatabaseConnector;
import io.github.pgmigrate.database.SqlErrors;
import io.github.pgmigrate.output.Output;
import io.github.pgmigrate.history.SupabaseHistoryTable;
import io.github.pgmigrate.revisions.RevisionSchemaGuard;
import io.github.pgmigrate.schema.diff.DiffOptions;
import io.github.pgmigrate.schema.diff.Plan;
import io.github.pgmigrate.schema.diff.SchemaDiffer;
import io.github.pgmigrate.schema.diff.Step;
import io.github.pgmigrate.schema.inspect.InspectScope;
import io.github.pgmigrate.schema.inspect.Inspection;
import io.github.pgmigrate.schema.inspect.SchemaInspector;
import io.github.pgmigrate.schema.model.Extension;
import io.github.pgmigrate.schema.model.Namespace;
import io.github.pgmigrate.schema.model.SchemaModel;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code clean}: drops every object in the managed scope and the history. The scope is inspected with the schema
 * engine and the plan to an empty scope comes from the differ (dependents first, no CASCADE), so PostgreSQL itself
 * refuses to drop anything an object outside the scope still uses. Everything runs in one transaction under the
 * migration lock: a refused drop leaves the database as it was. Kept: the {@code public} schema itself (emptied),
 * roles, Supabase's managed schemas, and extensions unless asked.
 */
public final class Cleaner {
    private final DatabaseConnector connector;
    private final Output out;

    public Cleaner(DatabaseConnector connector, Output out) {
        this.connector = connector;
        this.out = out;
    }

    public CleanResult clean(CleanOptions options) throws PgMigrateException {
        DatabaseCommand command = DatabaseCommand.on(connector, "clean failed").readOnly(options.dryRun());
        if (!options.dryRun()) {
            command.locked(options.lockTimeout());
        }
        return command.run(context -> run(context, options));
    }

    private CleanResult run(CommandContext context, CleanOptions options) throws SQLException, PgMigrateException {
        ConnectionSettings settings = context.settings();
        Connection connection = context.connection();
        Inspection inspection = SchemaInspector.inspect(connection, scope(settings, options));
        SchemaModel current = inspection.model();
        List<String> kept = new ArrayList<>();
        List<Extension> keptExtensions = options.dropExtensions() ? List.of() : current.extensions();
        Set<String> keptSchemas = new TreeSet<>();
        keptSchemas.add("public");
        for (Extension extension : keptExtensions) {
            keptSchemas.add(extension.schema());
            kept.add("extension " + extension.name() + " in schema " + extension.schema()
                    + " (-Dpgmigrate.dropExtensions=true drops it)");
        }
        List<Namespace> namespaces = current.schemas().stream().filter(n -> keptSchemas.contains(n.name())).toList();
        namespaces.forEach(n -> kept.add("schema " + n.name() + " (emptied, not dropped)"));
        SchemaModel emptied = new SchemaModel(namespaces, keptExtensions, List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of());
        Plan plan = SchemaDiffer.diff(current, emptied, new DiffOptions(false, false));
        List<String> statements = new ArrayList<>(plan.steps().stream().map(Step::sql).toList());
        String revisionsSchema = context.table().schema();
        if (context.table().exists(connection)) {
            statements.add("DROP TABLE " + context.table().qualifiedName());
            if (revisionsSchema.equals(RevisionSchemaGuard.DEFAULT_SCHEMA)) {
                statements.add("DROP SCHEMA " + RevisionSchemaGuard.DEFAULT_SCHEMA);
            }
        }
        if (new SupabaseHistoryTable().exists(connection)) {
            // Supabase CLI's history would otherwise say the dropped migrations are applied; its table stays.
            statements.add("DELETE FROM " + SupabaseHistoryTable.QUALIFIED);
        }
        List<String> schemas = current.schemas().stream().map(Namespace::name).toList();
        out.info((options.dryRun() ? "[dry run] " : "") + "Cleaning " + (schemas.isEmpty() ? "no schema"
                : "schema(s) " + String.join(", ", schemas)) + " and the history in " + revisionsSchema + ": "
                + statements.size() + " statement(s)" + (inspection.managedSchemasExcluded().isEmpty() ? ""
                : "; managed schemas left alone: " + String.join(", ", inspection.managedSchemasExcluded())));
        for (String statement : statements) {
            out.info((options.dryRun() ? "[dry run]   " : "  ") + statement);
        }
        kept.forEach(k -> out.info("  kept: " + k));
        if (!options.dryRun() && !statements.isEmpty()) {
            runInOneTransaction(context, statements);
            out.info("Cleaned: " + statements.size() + " statement(s) ran in one transaction");
        } else if (options.dryRun()) {
            out.info("[dry run] nothing was dropped");
        } else {
            out.info("Nothing to clean");
        }
        return new CleanResult(schemas, statements, kept, inspection.managedSchemasExcluded(), options.dryRun());
    }

    /** The URL's bound schema narrows the default scope, as it does for apply's clean check. */
    private static InspectScope scope(ConnectionSettings settings, CleanOptions options) {
        List<String> schemas = options.schemas();
        if (schemas.isEmpty() && settings.target().searchPath() != null) {
            schemas = List.of(settings.target().searchPath());
        }
        return new InspectScope(schemas, options.excludeSchemas(), settings.effectiveRevisionsSchema());
    }

    private void runInOneTransaction(CommandContext context, List<String> statements)
            throws SQLException, PgMigrateException {
        Connection connection = context.connection();
        List<String> all = new ArrayList<>(context.lockInTransaction());
        all.addAll(statements);
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (java.sql.Statement statement = connection.createStatement()) {
            for (String sql : all) {
                try {
                    statement.execute(sql);
                } catch (SQLException e) {
                    connection.rollback();
                    throw new PgMigrateException("clean stopped at " + sql + ": "
                            + SqlErrors.describe(e, context.settings()::scrub) + "; nothing was dropped (the"
                            + " transaction was rolled back)", e.getSQLState() != null && e.getSQLState()
                            .equals("2BP01") ? "an object outside the cleaned schemas depends on it (see the detail"
                            + " above): drop or change that object first, or add its schema to -Dpgmigrate.schemas"
                            + " if it is yours" : null, e);
                }
            }
            connection.commit();
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }
}
