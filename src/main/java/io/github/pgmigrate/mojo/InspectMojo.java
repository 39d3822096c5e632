package io.github.pgmigrate.mojo;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.database.DatabaseConnector;
import io.github.pgmigrate.schema.inspect.Inspection;
import io.github.pgmigrate.schema.render.SchemaFormat;
import java.io.File;
import java.io.IOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Prints the schema of the chosen database, or of a state, as a runnable SQL script, JSON, a Mermaid ER diagram or a
 * Graphviz graph, to the log or a file. Reads only. See docs/goals/inspect.md.
 */
@Mojo(name = "inspect", threadSafe = true)
public class InspectMojo extends AbstractSchemaMojo {

    /** Skips this goal only. */
    @Parameter(property = "pgmigrate.inspect.skip", defaultValue = "false")
    private boolean inspectSkip;

    /** {@code sql} (a DDL script in dependency order), {@code json}, {@code mermaid} or {@code dot}. */
    @Parameter(property = "pgmigrate.format", defaultValue = "sql")
    private String format;

    /** Write to this file instead of the log. */
    @Parameter(property = "pgmigrate.output")
    private File output;

    /** What to inspect: env:NAME, a URL, file:schema.sql, file:db/schema or dir: (default: the chosen environment). */
    @Parameter(property = "pgmigrate.state")
    private String state;

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
        Inspection inspection;
        if (state == null || state.isBlank()) {
            DatabaseConnector connector = openDatabase();
            inspection = inspect(connector, scope(connector.settings().effectiveRevisionsSchema()));
        } else {
            inspection = inspectState("state", state("state", state), null);
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
            writeOutput(output, text);
            getLog().info("Wrote " + chosen.name().toLowerCase(java.util.Locale.ROOT) + " to " + output);
        } else {
            text.lines().forEach(getLog()::info);
        }
    }
}
