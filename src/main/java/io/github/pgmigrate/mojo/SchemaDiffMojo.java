package io.github.pgmigrate.mojo;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.config.ConfigurationException;
import io.github.pgmigrate.schema.diff.DiffOptions;
import io.github.pgmigrate.schema.diff.Hazard;
import io.github.pgmigrate.schema.diff.Plan;
import io.github.pgmigrate.schema.diff.SchemaDiffer;
import io.github.pgmigrate.schema.diff.UnsupportedChangeException;
import io.github.pgmigrate.schema.model.SchemaModel;
import io.github.pgmigrate.schema.state.SchemaState;
import java.io.File;
import java.io.IOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Prints the plan that turns one schema state into another, as SQL {@code psql -f} runs. Reads only;
 * runs nothing. See docs/goals/schema-diff.md.
 */
@Mojo(name = "schema-diff", threadSafe = true)
public class SchemaDiffMojo extends AbstractSchemaMojo {

    /** Skips this goal only. */
    @Parameter(property = "pgmigrate.schema-diff.skip", defaultValue = "false")
    private boolean schemaDiffSkip;

    /** The current schema: env:NAME, a database URL, file:schema.sql, file:db/schema or dir:. */
    @Parameter(property = "pgmigrate.from")
    private String from;

    /** The desired schema: env:NAME, a database URL, file:schema.sql, file:db/schema or dir:. */
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
            throw new ConfigurationException("schema-diff needs both from and to", "-Dpgmigrate.from=STATE"
                    + " -Dpgmigrate.to=STATE, each env:NAME, a URL, file:schema.sql, file:db/schema or dir:");
        }
        SchemaState fromState = state("from", from);
        SchemaState toState = state("to", to);
        SchemaModel current = inspectState("from", fromState, null).model();
        SchemaModel desired = inspectState("to", toState, null).model();
        // A side built on a dev database is owned by the dev database's user: owners would differ for nothing.
        DiffOptions options = fromState.needsDevDatabase() || toState.needsDevDatabase()
                ? DiffOptions.WITHOUT_OWNERS : DiffOptions.DEFAULT;
        Plan plan;
        try {
            plan = SchemaDiffer.diff(current, desired, options);
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
            writeOutput(output, plan.sql());
            getLog().info("Wrote the plan to " + output);
        }
        if (failOnDifference) {
            throw new MojoFailureException("The schemas differ: " + plan.steps().size() + " statement(s) turn "
                    + "from into to (failOnDifference)");
        }
    }
}
