package io.github.pgmigrate.mojo;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.checksum.SumWriter;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.directory.MigrationFile;
import io.github.pgmigrate.directory.Renaming;
import io.github.pgmigrate.directory.Renumbering;
import java.io.IOException;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Renames files that share a version to unique, order-preserving 14-digit versions and rewrites atlas.sum; says which
 * {@code set} a database that already applied them needs.
 */
@Mojo(name = "renumber", threadSafe = true)
public class RenumberMojo extends AbstractPgMigrateMojo {

    /** Prints the renames without making them. */
    @Parameter(property = "pgmigrate.dryRun", defaultValue = "false")
    private boolean dryRun;

    /** Skips this goal only. */
    @Parameter(property = "pgmigrate.renumber.skip", defaultValue = "false")
    private boolean renumberSkip;

    @Override
    protected String goal() {
        return "renumber";
    }

    @Override
    protected boolean goalSkipped() {
        return renumberSkip;
    }

    @Override
    protected void run() throws IOException, PgMigrateException {
        MigrationDirectory directory = loadDirectory();
        List<Renaming> renamings = Renumbering.plan(directory);
        if (renamings.isEmpty()) {
            getLog().info("Every version in " + displayPath(directory.path()) + " is unique: nothing to renumber");
            return;
        }
        getLog().info((dryRun ? "Would rename " : "Renaming ") + renamings.size()
                + " file(s) so that every version is unique (the order stays the same):");
        renamings.forEach(r -> getLog().info("  " + r.from() + " -> " + r.to()));
        if (dryRun) {
            getLog().info("Dry run: nothing was renamed");
            return;
        }
        Renumbering.apply(directory.path(), renamings);
        MigrationDirectory renamed = MigrationDirectory.load(directory.path());
        SumWriter.write(renamed);
        getLog().info("Wrote " + displayPath(renamed.sumPath()));
        List<MigrationFile> files = renamed.files();
        getLog().info("A database that applied these files before records them under their old versions. Run once"
                + " on each such database: mvn pgmigrate:set -Dpgmigrate.toVersion=<the new version of the last file"
                + " it applied> (after all of them: -Dpgmigrate.toVersion=" + files.get(files.size() - 1).version()
                + ")");
    }
}
