package io.github.pgmigrate.mojo;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.config.ConfigurationException;
import io.github.pgmigrate.database.DatabaseConnector;
import io.github.pgmigrate.schema.diff.DiffOptions;
import io.github.pgmigrate.schema.diff.Hazard;
import io.github.pgmigrate.schema.diff.Plan;
import io.github.pgmigrate.schema.diff.SchemaDiffer;
import io.github.pgmigrate.schema.diff.UnsupportedChangeException;
import io.github.pgmigrate.schema.inspect.InspectScope;
import io.github.pgmigrate.schema.inspect.SchemaInspector;
import io.github.pgmigrate.schema.model.SchemaModel;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Prints the plan that turns the schema of one database into another's, as SQL {@code psql -f} runs. Reads only;
 * runs nothing. See docs/goals/schema-diff.md.
 */
@Mojo(name = "schema-diff", threadSafe = true)
public class SchemaDiffMojo extends AbstractDatabaseMojo {

    /** Skips this goal only. */
    @Parameter(property = "pgmigrate.schema-diff.skip", defaultValue = "false")
    private boolean schemaDiffSkip;

    /** The current schema: {@code env:NAME} or a database URL. */
    @Parameter(property = "pgmigrate.from")
    private String from;

    /** The desired schema: {@code env:NAME} or a database URL. */
    @Parameter(property = "pgmigrate.to")
    private String to;

    /** Also write the plan to this file. */
    @Parameter(property = "pgmigrate.output")
    private File output;

    /** Fail the build when the schemas differ (a CI gate). */
    @Parameter(property = "pgmigrate.failOnDifference", defaultValue = "false")
    private boolean failOnDifference;

    /** Print a plan with hazards (dropped tables, columns, types; narrowed columns) instead of refusing it. */
    @Parameter(property = "pgmigrate.allowDestructive", defaultValue = "false")
    private boolean allowDestructive;

    /** The schemas to compare (default: every user schema, less managed ones on Supabase). */
    @Parameter(property = "pgmigrate.schemas")
    private List<String> schemas;

    /** Schemas to leave out. */
    @Parameter(property = "pgmigrate.excludeSchemas")
    private List<String> excludeSchemas;

    @Override
    protected String goal() {
        return "schema-diff";
    }

    @Override
    protected boolean goalSkipped() {
        return schemaDiffSkip;
    }

    @Override
    protected void runAgainstDatabase()
            throws PgMigrateException, IOException, MojoExecutionException, MojoFailureException {
        if (from == null || to == null) {
            throw new ConfigurationException("schema-diff needs both from and to",
                    "-Dpgmigrate.from=env:NAME|URL -Dpgmigrate.to=env:NAME|URL");
        }
        InspectScope scope = new InspectScope(schemas == null ? List.of() : schemas,
                excludeSchemas == null ? List.of() : excludeSchemas, null);
        SchemaModel current = inspect(openState("from", from), scope);
        SchemaModel desired = inspect(openState("to", to), scope);
        Plan plan;
        try {
            plan = SchemaDiffer.diff(current, desired, DiffOptions.DEFAULT);
        } catch (UnsupportedChangeException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
        if (plan.isEmpty()) {
            getLog().info("No changes: the schemas are the same");
            return;
        }
        for (Hazard hazard : plan.hazards()) {
            getLog().warn("Hazard: " + hazard);
        }
        if (!plan.hazards().isEmpty() && !allowDestructive) {
            throw new MojoFailureException("The plan has " + plan.hazards().size() + " destructive change(s), listed"
                    + " above; nothing was printed. Set -Dpgmigrate.allowDestructive=true to print it anyway.");
        }
        plan.sql().lines().forEach(getLog()::info);
        if (output != null) {
            Files.createDirectories(output.getAbsoluteFile().getParentFile().toPath());
            Files.writeString(output.toPath(), plan.sql(), StandardCharsets.UTF_8);
            getLog().info("Wrote the plan to " + output);
        }
        if (failOnDifference) {
            throw new MojoFailureException("The schemas differ: " + plan.steps().size() + " statement(s) turn "
                    + "from into to (failOnDifference)");
        }
    }

    private SchemaModel inspect(DatabaseConnector connector, InspectScope scope)
            throws PgMigrateException, MojoExecutionException {
        try (Connection connection = connector.open()) {
            return SchemaInspector.inspect(connection, scope).model();
        } catch (SQLException e) {
            throw new MojoExecutionException(connector.settings().scrub(e.getMessage()), e);
        }
    }
}
