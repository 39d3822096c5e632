package io.github.pgmigrate.mojo;

import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.validate.DirectoryValidator;
import io.github.pgmigrate.validate.Problem;
import io.github.pgmigrate.validate.ValidationReport;
import java.io.IOException;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks the migration directory without a database: file names and versions, statements that can run over JDBC,
 * directives Atlas reads the way they look, and atlas.sum against the files. Fails the build on any error.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class ValidateMojo extends AbstractPgMigrateMojo {

    /** Skips this goal only. */
    @Parameter(property = "pgmigrate.validate.skip", defaultValue = "false")
    private boolean validateSkip;

    /** Turns policy warnings (duplicate versions) into errors. */
    @Parameter(property = "pgmigrate.strict", defaultValue = "false")
    private boolean strict;

    @Override
    protected String goal() {
        return "validate";
    }

    @Override
    protected boolean goalSkipped() {
        return validateSkip;
    }

    @Override
    protected void run() throws IOException, io.github.pgmigrate.PgMigrateException, MojoFailureException {
        MigrationDirectory directory = loadDirectory();
        String shown = displayPath(directory.path());
        ValidationReport report = DirectoryValidator.validate(directory, strict);
        for (Problem warning : report.warnings()) {
            getLog().warn(warning.format(shown));
        }
        for (Problem error : report.errors()) {
            getLog().error(error.format(shown));
        }
        if (report.hasErrors()) {
            throw new MojoFailureException(report.errors().size() + " problem(s) in " + shown + ":\n"
                    + report.errors().stream().map(p -> p.format(shown)).collect(Collectors.joining("\n")));
        }
        getLog().info("Validated " + report.fileCount() + " migration file(s) in " + shown
                + (report.fileCount() > 0 ? ": statements parse and atlas.sum matches" : ""));
    }
}
