package io.github.pgmigrate.mojo;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.checksum.SumWriter;
import io.github.pgmigrate.directory.MigrationDirectory;
import java.io.IOException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Writes atlas.sum for the migration directory exactly as {@code atlas migrate hash} does. */
@Mojo(name = "hash", threadSafe = true)
public class HashMojo extends AbstractPgMigrateMojo {

    /** Skips this goal only. */
    @Parameter(property = "pgmigrate.hash.skip", defaultValue = "false")
    private boolean hashSkip;

    @Override
    protected String goal() {
        return "hash";
    }

    @Override
    protected boolean goalSkipped() {
        return hashSkip;
    }

    @Override
    protected void run() throws IOException, PgMigrateException {
        MigrationDirectory directory = loadDirectory();
        String shown = displayPath(directory.sumPath());
        if (SumWriter.write(directory)) {
            getLog().info("Wrote " + shown + " for " + directory.files().size() + " migration file(s)");
        } else {
            getLog().info(shown + " is up to date (" + directory.files().size() + " migration file(s))");
        }
    }
}
