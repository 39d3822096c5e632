package io.github.pgmigrate.mojo;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.database.DatabaseConnector;
import io.github.pgmigrate.schema.inspect.InspectScope;
import io.github.pgmigrate.schema.inspect.Inspection;
import io.github.pgmigrate.schema.inspect.SchemaInspector;
import io.github.pgmigrate.schema.render.SchemaFormat;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Prints the schema of the chosen database as a runnable SQL script, JSON, a Mermaid ER diagram or a Graphviz graph,
 * to the log or a file. Reads only. See docs/goals/inspect.md.
 */
@Mojo(name = "inspect", threadSafe = true)
public class InspectMojo extends AbstractDatabaseMojo {

    /** Skips this goal only. */
    @Parameter(property = "pgmigrate.inspect.skip", defaultValue = "false")
    private boolean inspectSkip;

    /** {@code sql} (a DDL script in dependency order), {@code json}, {@code mermaid} or {@code dot}. */
    @Parameter(property = "pgmigrate.format", defaultValue = "sql")
    private String format;

    /** Write to this file instead of the log. */
    @Parameter(property = "pgmigrate.output")
    private File output;

    /** The schemas to read (default: every user schema, less managed ones on Supabase). */
    @Parameter(property = "pgmigrate.schemas")
    private List<String> schemas;

    /** Schemas to leave out. */
    @Parameter(property = "pgmigrate.excludeSchemas")
    private List<String> excludeSchemas;

    @Override
    protected String goal() {
        return "inspect";
    }

    @Override
    protected boolean goalSkipped() {
        return inspectSkip;
    }

    @Override
    protected void runAgainstDatabase() throws PgMigrateException, IOException, MojoExecutionException {
        SchemaFormat chosen = SchemaFormat.parse(format);
        DatabaseConnector connector = openDatabase();
        InspectScope scope = new InspectScope(schemas == null ? List.of() : schemas,
                excludeSchemas == null ? List.of() : excludeSchemas,
                connector.settings().effectiveRevisionsSchema());
        Inspection inspection;
        try (Connection connection = connector.open()) {
            inspection = SchemaInspector.inspect(connection, scope);
        } catch (SQLException e) {
            throw new MojoExecutionException(connector.settings().scrub(e.getMessage()), e);
        }
        if (!inspection.managedSchemasExcluded().isEmpty()) {
            getLog().info("Left out the platform's managed schemas " + String.join(", ",
                    inspection.managedSchemasExcluded()) + " (name them in schemas to include them)");
        }
        String text = chosen.render(inspection);
        getLog().info("Schema: " + inspection.model().schemas().size() + " schema(s), "
                + inspection.model().tables().size() + " table(s), " + inspection.model().views().size()
                + " view(s), " + inspection.model().routines().size() + " routine(s)");
        if (output != null) {
            File parent = output.getAbsoluteFile().getParentFile();
            Files.createDirectories(parent.toPath());
            Files.writeString(output.toPath(), text, StandardCharsets.UTF_8);
            getLog().info("Wrote " + chosen.name().toLowerCase(java.util.Locale.ROOT) + " to " + output);
        } else {
            text.lines().forEach(getLog()::info);
        }
    }
}
