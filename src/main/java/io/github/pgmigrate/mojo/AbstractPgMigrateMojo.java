package io.github.pgmigrate.mojo;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.config.ConfigurationException;
import io.github.pgmigrate.directory.MigrationDirectory;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every pgmigrate goal shares: the skip flags (checked before anything else), the migration directory and the
 * translation of engine errors into build results. Goals that talk to a database extend {@link AbstractDatabaseMojo}.
 */
public abstract class AbstractPgMigrateMojo extends AbstractMojo {

    /** The migration directory, in Atlas's format. */
    @Parameter(property = "pgmigrate.dir", defaultValue = "${project.basedir}/migrations", required = true)
    protected File dir;

    /** Skips every pgmigrate goal. */
    @Parameter(property = "pgmigrate.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping pgmigrate:" + goal() + " (pgmigrate.skip is set)");
            return;
        }
        if (goalSkipped()) {
            getLog().info("Skipping pgmigrate:" + goal() + " (pgmigrate." + goal() + ".skip is set)");
            return;
        }
        try {
            run();
        } catch (ConfigurationException e) {
            throw new MojoFailureException(describe(e));
        } catch (PgMigrateException e) {
            throw new MojoFailureException(e.describe());
        } catch (IOException e) {
            throw new MojoExecutionException("pgmigrate:" + goal() + " failed: " + e, e);
        }
    }

    /** The goal's name, as in {@code pgmigrate:<goal>}. */
    protected abstract String goal();

    /** The goal's own {@code pgmigrate.<goal>.skip} flag. */
    protected abstract boolean goalSkipped();

    protected abstract void run() throws PgMigrateException, IOException, MojoFailureException, MojoExecutionException;

    /**
     * A configuration error as every goal shows it: a parameter's value as {@code <txMode>/-Dpgmigrate.txMode: 'fle'
     * is not one of file, all, none}, naming both places it can be set, then the hint.
     */
    private String describe(ConfigurationException e) {
        String problem = e.parameter()
                .map(parameter -> "<" + parameter + ">/-D" + userPropertyPrefix() + parameter + ": '" + e.value() + "' "
                        + e.problem())
                .orElse(e.getMessage());
        return e.hint() == null ? problem : problem + "\n" + e.hint();
    }

    /** What precedes a parameter's name in its user property: {@code pgmigrate.}, or the goal's own namespace. */
    protected String userPropertyPrefix() {
        return "pgmigrate.";
    }

    /** The migration directory; a missing directory is an error that says how to create it. */
    protected MigrationDirectory loadDirectory() throws IOException, PgMigrateException {
        Path path = dir.toPath();
        if (!Files.isDirectory(path)) {
            throw new ConfigurationException("the migration directory " + displayPath(path) + " does not exist",
                    "create it with 'mvn pgmigrate:new -Dpgmigrate.name=init', or point <dir> (-Dpgmigrate.dir) at"
                            + " your migrations");
        }
        return MigrationDirectory.load(path);
    }

    /** A path relative to the project, for messages. */
    protected String displayPath(Path path) {
        Path base = session != null && session.getCurrentProject() != null
                ? session.getCurrentProject().getBasedir().toPath() : null;
        if (base != null && path.toAbsolutePath().startsWith(base.toAbsolutePath())) {
            String relative = base.toAbsolutePath().relativize(path.toAbsolutePath()).toString();
            return relative.isEmpty() ? "." : relative;
        }
        return path.toString();
    }
}
