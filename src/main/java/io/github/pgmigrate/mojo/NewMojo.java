package io.github.pgmigrate.mojo;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.checksum.SumWriter;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.directory.NewMigration;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Creates {@code <UTC yyyyMMddHHmmss>_<name>.sql} in the migration directory and re-hashes it, like
 * {@code atlas migrate new} and {@code supabase migration new}.
 */
@Mojo(name = "new", threadSafe = true)
public class NewMojo extends AbstractPgMigrateMojo {

    /** The new migration's name, e.g. {@code add_users}. */
    @Parameter(property = "pgmigrate.name")
    private String name;

    /** An explicit version instead of the current UTC timestamp. */
    @Parameter(property = "pgmigrate.version")
    private String version;

    /** Skips this goal only. */
    @Parameter(property = "pgmigrate.new.skip", defaultValue = "false")
    private boolean newSkip;

    @Override
    protected String goal() {
        return "new";
    }

    @Override
    protected boolean goalSkipped() {
        return newSkip;
    }

    @Override
    protected void run() throws IOException, PgMigrateException {
        Path created = NewMigration.create(dir.toPath(), name, version, Clock.systemUTC());
        MigrationDirectory directory = MigrationDirectory.load(dir.toPath());
        SumWriter.write(directory);
        getLog().info("Created " + displayPath(created) + " and re-hashed " + displayPath(directory.sumPath()));
    }
}
