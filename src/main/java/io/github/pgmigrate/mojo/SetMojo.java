package io.github.pgmigrate.mojo;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.database.DatabaseConnector;
import io.github.pgmigrate.fleet.FleetGoals;
import io.github.pgmigrate.config.ConfigurationException;
import io.github.pgmigrate.history.HistoryTarget;
import io.github.pgmigrate.set.RevisionSetter;
import io.github.pgmigrate.set.SupabaseImport;
import java.io.IOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Edits the history without running migrations ({@code atlas migrate set}, Alembic's {@code stamp}): the history then
 * ends at {@code toVersion}. See docs/goals/set.md.
 */
@Mojo(name = "set", threadSafe = true)
public class SetMojo extends AbstractDatabaseMojo {

    /** Skips this goal only. */
    @Parameter(property = "pgmigrate.set.skip", defaultValue = "false")
    private boolean setSkip;

    /** The version the history ends at; default: the last file's. */
    @Parameter(property = "pgmigrate.toVersion")
    private String toVersion;

    /** Turns policy warnings of the directory check (duplicate versions) into errors. */
    @Parameter(property = "pgmigrate.strict", defaultValue = "false")
    private boolean strict;

    /** Where the history is read and recorded: {@code atlas} (default), {@code supabase} or {@code both}. */
    @Parameter(property = "pgmigrate.history", defaultValue = "atlas")
    private String history;

    /**
     * {@code supabase}: record the versions in Supabase's history ({@code supabase db push}) as applied in Atlas's
     * revisions table, naming any mismatch with the files, instead of setting the history to {@code toVersion}.
     */
    @Parameter(property = "pgmigrate.importHistory")
    private String importHistory;

    @Override
    protected String goal() {
        return "set";
    }

    @Override
    protected boolean goalSkipped() {
        return setSkip;
    }

    @Override
    protected void runAgainstDatabase()
            throws PgMigrateException, IOException, MojoExecutionException, MojoFailureException {
        HistoryTarget target = HistoryTarget.parse(history);
        boolean importSupabase = importRequested();
        var directory = loadDirectory();
        if (importSupabase) {
            if (fleetRequested()) {
                throw new ConfigurationException("importHistory imports one database's history",
                        "run it once per environment (-Dpgmigrate.env=<one name>)");
            }
            new SupabaseImport(openDatabase(), new MavenOutput(getLog())).run(directory, strict);
            return;
        }
        if (fleetRequested()) {
            runOnFleet(connectors -> FleetGoals.set(directory, toVersion, strict, target, connectors), true);
            return;
        }
        DatabaseConnector connector = openDatabase();
        new RevisionSetter(connector, new MavenOutput(getLog())).set(directory, toVersion, strict, target);
    }

    private boolean importRequested() throws ConfigurationException {
        if (importHistory == null || importHistory.isBlank()) {
            return false;
        }
        if (!importHistory.strip().equalsIgnoreCase("supabase")) {
            throw new ConfigurationException("importHistory", importHistory, "is not supabase",
                    "importHistory=supabase imports supabase_migrations.schema_migrations; leave it unset to set"
                            + " the history to toVersion");
        }
        if (toVersion != null && !toVersion.isBlank()) {
            throw new ConfigurationException("importHistory and toVersion are mutually exclusive",
                    "the import ends the history at Supabase's last version; run set with toVersion afterwards"
                            + " to move it");
        }
        return true;
    }
}
