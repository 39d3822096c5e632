package io.github.pgmigrate.reset;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.apply.Applier;
import io.github.pgmigrate.apply.ApplyOptions;
import io.github.pgmigrate.apply.ApplyResult;
import io.github.pgmigrate.clean.CleanOptions;
import io.github.pgmigrate.clean.CleanResult;
import io.github.pgmigrate.clean.Cleaner;
import io.github.pgmigrate.command.DatabaseCommand;
import io.github.pgmigrate.database.DatabaseConnector;
import io.github.pgmigrate.checksum.SumFile;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.output.Output;
import io.github.pgmigrate.sql.Statement;
import io.github.pgmigrate.validate.PreflightCheck;
import java.util.List;

/**
 * {@code reset}, the "start over" button: clean, apply every migration, then the optional seed. The directory and
 * the seed are checked before anything is dropped, so a broken file never leaves an emptied database behind.
 */
public final class Reset {
    private final DatabaseConnector connector;
    private final Output out;

    public Reset(DatabaseConnector connector, Output out) {
        this.connector = connector;
        this.out = out;
    }

    /**
     * @param apply how apply runs; with allowDirty, as what clean left (managed schemas) is outside the scope
     * @param seed  the seed file, or null
     */
    public ResetResult run(MigrationDirectory directory, CleanOptions clean, ApplyOptions apply, SeedFile seed)
            throws PgMigrateException {
        SumFile verified = PreflightCheck.verify(directory, apply.strict(), out);
        List<Statement> seedStatements = seed == null ? List.of() : seed.statements();
        if (clean.dryRun() || connector.transactionPooler()) {
            return run(connector, directory, verified, clean, apply, seed, seedStatements);
        }
        // One session holds the migration lock from the first drop to the last seed statement, so that no other run
        // applies to the emptied database in between; clean and apply take the same lock again on that session.
        return DatabaseCommand.on(connector, "reset failed").locked(clean.lockTimeout())
                .run(context -> run(connector.sharing(context.connection()), directory, verified, clean, apply, seed,
                        seedStatements));
    }

    private ResetResult run(DatabaseConnector database, MigrationDirectory directory, SumFile verified,
                            CleanOptions clean, ApplyOptions apply, SeedFile seed, List<Statement> seedStatements)
            throws PgMigrateException {
        CleanResult cleaned = new Cleaner(database, out).clean(clean);
        if (clean.dryRun()) {
            out.info("[dry run] then apply " + directory.files().size() + " migration(s) from the directory"
                    + (seed == null ? "" : " and run " + seedStatements.size() + " statement(s) of " + seed.shown()));
            return new ResetResult(cleaned, null, 0);
        }
        ApplyResult applied = new Applier(database, out).apply(directory, verified, apply);
        int seeded = 0;
        if (seed != null) {
            seeded = seed.run(database, seedStatements);
            out.info("Seeded: " + seeded + " statement(s) of " + seed.shown());
        }
        out.info("Reset done: " + cleaned.statements().size() + " drop statement(s), " + applied.applied().size()
                + " migration(s) applied" + (seed == null ? "" : ", " + seeded + " seed statement(s)"));
        return new ResetResult(cleaned, applied, seeded);
    }
}
