package io.github.pgmigrate.revert;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.apply.FilePlan;
import io.github.pgmigrate.checksum.SumFile;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.directory.MigrationFile;
import io.github.pgmigrate.directory.TxMode;
import io.github.pgmigrate.schema.diff.DiffOptions;
import io.github.pgmigrate.schema.diff.Hazard;
import io.github.pgmigrate.schema.diff.Plan;
import io.github.pgmigrate.schema.diff.SchemaDiffer;
import io.github.pgmigrate.schema.diff.Step;
import io.github.pgmigrate.schema.diff.UnsupportedChangeException;
import io.github.pgmigrate.schema.model.SchemaModel;
import io.github.pgmigrate.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plans the revert of one migration: its hand-written down script when there is one, else the schema engine's plan
 * from the schema after the migration to the schema before it. Reverts run on tables that are about to lose their
 * objects anyway, so the plan is not online (no CONCURRENTLY, no NOT VALID): almost every statement can then share
 * the migration's transaction, and with it the removal of its revision row.
 */
public final class RevertPlanner {
    static final DiffOptions OFFLINE = new DiffOptions(false, false);

    private final MigrationDirectory directory;
    private final SumFile sum;
    private final int serverVersionNum;

    public RevertPlanner(MigrationDirectory directory, SumFile sum, int serverVersionNum) {
        this.directory = directory;
        this.sum = sum;
        this.serverVersionNum = serverVersionNum;
    }

    /**
     * @param migration the applied migration to take back
     * @param target    the version before it, or null when it is the first
     * @param after     the schema with the migration applied
     * @param before    the schema without it
     */
    public Revert plan(MigrationFile migration, String target, SchemaModel after, SchemaModel before)
            throws PgMigrateException {
        Optional<MigrationFile> handWritten = HandWrittenDowns.of(directory, migration.version());
        Plan computed;
        try {
            computed = SchemaDiffer.diff(after, before, OFFLINE);
        } catch (UnsupportedChangeException e) {
            if (handWritten.isEmpty()) {
                throw new PgMigrateException("no down for " + migration.name() + ": the schema engine cannot compute"
                        + " one (" + e.getMessage() + ")", "write the revert by hand in "
                        + HandWrittenDowns.relativePath(migration.version()) + " under the migration directory");
            }
            computed = null;
        }
        List<Hazard> hazards = computed == null ? List.of() : computed.hazards();
        if (handWritten.isPresent()) {
            FilePlan file = FilePlan.of(List.of(handWritten.get()), TxMode.FILE, sum, serverVersionNum).get(0);
            List<Revert.RevertStatement> statements = new ArrayList<>();
            for (Statement statement : file.statements()) {
                statements.add(new Revert.RevertStatement(statement.text(), statement.line(), file.transactional()));
            }
            return new Revert(migration, target, before, handWritten.get().name(), statements, hazards);
        }
        List<Revert.RevertStatement> statements = new ArrayList<>();
        for (Step step : computed.steps()) {
            statements.add(new Revert.RevertStatement(step.sql(), 0, step.transactional()));
        }
        return new Revert(migration, target, before, null, statements, hazards);
    }
}
