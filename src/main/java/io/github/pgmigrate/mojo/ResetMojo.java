package io.github.pgmigrate.mojo;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.apply.ApplyOptions;
import io.github.pgmigrate.clean.CleanOptions;
import io.github.pgmigrate.config.DurationSetting;
import io.github.pgmigrate.database.DatabaseConnector;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.directory.TxMode;
import io.github.pgmigrate.guard.GuardedAction;
import io.github.pgmigrate.reset.Reset;
import io.github.pgmigrate.reset.SeedFile;
import java.io.File;
import java.io.IOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Starts the database over: clean, apply every migration, then the optional seed file; behind the production guard.
 * See docs/goals/reset.md.
 */
@Mojo(name = "reset", threadSafe = true)
public class ResetMojo extends AbstractWipingMojo {

    /** Skips this goal only. */
    @Parameter(property = "pgmigrate.reset.skip", defaultValue = "false")
    private boolean resetSkip;

    /** A SQL file run after the migrations in one transaction, e.g. {@code supabase/seed.sql}; not recorded. */
    @Parameter(property = "pgmigrate.seed")
    private File seed;

    /** PostgreSQL's statement_timeout per migration; 0 for none. */
    @Parameter(property = "pgmigrate.statementTimeout", defaultValue = "0")
    private String statementTimeout;

    /** {@code file} (one transaction per file), {@code all} (one for the run) or {@code none}. */
    @Parameter(property = "pgmigrate.txMode", defaultValue = "file")
    private String txMode;

    /** Turns policy warnings of the directory check (duplicate versions) into errors. */
    @Parameter(property = "pgmigrate.strict", defaultValue = "false")
    private boolean strict;

    @Override
    protected String goal() {
        return "reset";
    }

    @Override
    protected boolean goalSkipped() {
        return resetSkip;
    }

    @Override
    protected void runAgainstDatabase() throws PgMigrateException, IOException, MojoExecutionException {
        CleanOptions clean = cleanOptions();
        ApplyOptions apply = ApplyOptions.builder().txMode(TxMode.parse(txMode)).allowDirty(true)
                .lockTimeout(clean.lockTimeout())
                .statementTimeout(DurationSetting.parse("statementTimeout", statementTimeout)).strict(strict).build();
        apply.validate();
        MigrationDirectory directory = loadDirectory();
        SeedFile seedFile = seed == null ? null : new SeedFile(seed.toPath(), displayPath(seed.toPath()));
        DatabaseConnector connector = openDatabase();
        if (!dryRun()) {
            passGuard(GuardedAction.RESET, connector, "Drop every object of the managed scope and the history, then"
                    + " apply " + directory.files().size() + " migration(s)");
        }
        new Reset(connector, new MavenOutput(getLog())).run(directory, clean, apply, seedFile);
    }
}
