package io.github.pgmigrate.mojo;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.config.ConfigurationException;
import io.github.pgmigrate.schema.diff.DiffOptions;
import io.github.pgmigrate.schema.diff.Hazard;
import io.github.pgmigrate.schema.diff.Plan;
import io.github.pgmigrate.schema.diff.SchemaDiffer;
import io.github.pgmigrate.schema.diff.UnsupportedChangeException;
import io.github.pgmigrate.schema.migration.NextMigration;
import io.github.pgmigrate.schema.model.SchemaModel;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Atlas's {@code migrate diff}: writes the next migration file(s) that take the migration directory (replayed on a
 * dev database) to the desired schema, and re-hashes atlas.sum. Touches no target database. See docs/goals/diff.md.
 */
@Mojo(name = "diff", threadSafe = true)
public class DiffMojo extends AbstractSchemaMojo {
    /** Skips this goal only. */
    @Parameter(property = "pgmigrate.diff.skip", defaultValue = "false")
    private boolean diffSkip;

    /** The new migration's name, as in {@code 20250101120000_<name>.sql}. */
    @Parameter(property = "pgmigrate.name")
    private String name;

    /** The desired schema: file:schema.sql, file:db/schema, env:NAME or a database URL. */
    @Parameter(property = "pgmigrate.schema")
    private String schema;

    /** Write a plan with hazards (dropped tables, columns, types; narrowed columns) instead of refusing it. */
    @Parameter(property = "pgmigrate.allowDestructive", defaultValue = "false")
    private boolean allowDestructive;

    @Override
    protected String goal() {
        return "diff";
    }

    @Override
    protected boolean goalSkipped() {
        return diffSkip;
    }

    @Override
    protected void runAgainstDatabase()
            throws PgMigrateException, IOException, MojoExecutionException, MojoFailureException {
        if (name == null || name.isBlank()) {
            throw new ConfigurationException("diff needs the new migration's name",
                    "-Dpgmigrate.name=add_tags (letters, digits, '_', '.' and '-')");
        }
        if (schema == null || schema.isBlank()) {
            throw new ConfigurationException("diff needs the desired schema", "<schema>file:schema.sql</schema> in"
                    + " the plugin configuration, or -Dpgmigrate.schema=file:schema.sql");
        }
        SchemaModel current = inspectState("current", state("current", "dir:"), null).model();
        SchemaModel desired = inspectState("schema", state("schema", schema), null).model();
        Plan plan;
        try {
            plan = SchemaDiffer.diff(current, desired, DiffOptions.WITHOUT_OWNERS);
        } catch (UnsupportedChangeException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
        if (plan.isEmpty()) {
            getLog().info("No changes: the migration directory already creates the desired schema; no file written");
            return;
        }
        for (Hazard hazard : plan.hazards()) {
            getLog().warn("Hazard: " + hazard);
        }
        List<Path> written = NextMigration.write(dir.toPath(), name, plan, allowDestructive, Clock.systemUTC());
        for (Path file : written) {
            getLog().info("Wrote " + displayPath(file));
        }
        getLog().info("Re-hashed " + displayPath(dir.toPath().resolve("atlas.sum")) + "; " + plan.steps().size()
                + " statement(s) in " + written.size() + " file(s)");
    }
}
