package io.github.pgmigrate.mojo;

import io.github.pgmigrate.schema.model.SchemaModel;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.config.ConfigurationException;
import io.github.pgmigrate.database.DatabaseConnector;
import io.github.pgmigrate.schema.inspect.InspectScope;
import io.github.pgmigrate.schema.inspect.Inspection;
import io.github.pgmigrate.schema.inspect.SchemaInspector;
import io.github.pgmigrate.schema.state.DevStates;
import io.github.pgmigrate.schema.state.SchemaState;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * A goal that reads schemas: the schema scope parameters, and turning a state ({@code env:NAME}, a URL,
 * {@code file:…}, {@code dir:}) into an inspected schema. SQL states and the migration directory only ever run on a
 * throw-away dev database.
 */
public abstract class AbstractSchemaMojo extends AbstractDatabaseMojo {

    /** The schemas to read (default: every user schema, less managed ones on Supabase). */
    @Parameter(property = "pgmigrate.schemas")
    private List<String> schemas;

    /** Schemas to leave out. */
    @Parameter(property = "pgmigrate.excludeSchemas")
    private List<String> excludeSchemas;

    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    private File basedir;

    /** The schemas in scope; {@code revisionsSchema} (may be null) is always left out. */
    protected final InspectScope scope(String revisionsSchema) {
        return new InspectScope(schemas == null ? List.of() : schemas,
                excludeSchemas == null ? List.of() : excludeSchemas, revisionsSchema);
    }

    /** A state parameter's value, read; {@code parameter} names it in errors. */
    protected final SchemaState state(String parameter, String text) throws ConfigurationException {
        return SchemaState.parse(parameter, text, projectDirectory());
    }

    /**
     * The schema of a state.
     *
     * @param parameter   the parameter that named it, for messages
     * @param targetMajor the target's PostgreSQL major for the embedded dev server, or null when unknown
     */
    protected final Inspection inspectState(String parameter, SchemaState state, Integer targetMajor)
            throws PgMigrateException, IOException, MojoExecutionException {
        getLog().info(parameter + ": " + state.describe(projectDirectory()));
        return switch (state.kind()) {
            case DATABASE -> inspect(openState(parameter, state.value()), scope(null));
            case SQL -> DevStates.inspectSql(openDevServer(targetMajor), state.path(), scope(null));
            case MIGRATION_DIRECTORY -> DevStates.inspectReplay(openDevServer(targetMajor), loadDirectory(),
                    scope(null));
        };
    }

    /**
     * The schema the directory creates up to {@code toVersion} (null: every file), replayed on the dev server of a
     * PostgreSQL major; for the engine's callbacks, which cannot throw Maven's exceptions.
     *
     * @param noDevServer what the error says when the dev server cannot be had, before Maven's message; its hint
     */
    protected final SchemaModel replayedModel(MigrationDirectory directory, String toVersion, int major,
                                              String noDevServer, String hint) throws PgMigrateException {
        try {
            return DevStates.inspectReplay(openDevServer(major), directory, toVersion, scope(null)).model();
        } catch (MojoExecutionException e) {
            throw new PgMigrateException(noDevServer + e.getMessage(), hint, e);
        }
    }

    /** The schema of an open database, with the connection's revisions schema left out. */
    protected final Inspection inspect(DatabaseConnector connector, InspectScope scope)
            throws PgMigrateException, MojoExecutionException {
        try (Connection connection = connector.open()) {
            return SchemaInspector.inspect(connection, scope);
        } catch (SQLException e) {
            throw new MojoExecutionException(connector.settings().scrub(e.getMessage()), e);
        }
    }

    /** Writes a goal's text output, creating the parent directory. */
    protected final void writeOutput(File output, String text) throws IOException {
        Files.createDirectories(output.getAbsoluteFile().getParentFile().toPath());
        Files.writeString(output.toPath(), text, StandardCharsets.UTF_8);
    }

    private Path projectDirectory() {
        return (basedir != null ? basedir : new File(".")).toPath().toAbsolutePath();
    }
}
