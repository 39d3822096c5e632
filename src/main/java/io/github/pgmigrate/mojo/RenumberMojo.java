package io.github.pgmigrate.mojo;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.checksum.SumWriter;
import io.github.pgmigrate.directory.MigrationDirectory;
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
        getLog().info("A database that applied these files before keeps one history row per old version. On each such"
                + " database, run these in order, stopping after the group it had reached:");
        Renumbering.setSequence(renamings).forEach(version ->
                getLog().info("  mvn pgmigrate:set -Dpgmigrate.toVersion=" + version));
        getLog().info("then once more with -Dpgmigrate.toVersion=<the version of the last file it had applied>, if that"
                + " is a later file");
    }
}
