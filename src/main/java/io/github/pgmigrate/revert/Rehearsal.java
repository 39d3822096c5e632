package io.github.pgmigrate.revert;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.devdb.DevDatabase;
import io.github.pgmigrate.schema.drift.Difference;
import io.github.pgmigrate.schema.drift.ModelDifferences;
import io.github.pgmigrate.schema.inspect.InspectScope;
import io.github.pgmigrate.schema.model.SchemaModel;
import io.github.pgmigrate.schema.state.DevStates;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * Runs a revert on a dev database and reads what still differs from the schema it must reach. Owners are not
 * compared: dev databases are built by their own user.
 */
final class Rehearsal {
    private static final Set<String> OWNER = Set.of("owner");

    private Rehearsal() {
    }

    /**
     * @param bookkeeping the revision row's removal when the dev database keeps a history, else none
     * @return the differences left; empty when the revert reached its schema
     */
    static List<Difference> run(DevDatabase database, Revert revert, List<String> bookkeeping, String next,
                                InspectScope scope) throws PgMigrateException {
        try (Connection connection = database.connector().open()) {
            new RevertRunner(connection, text -> text).run(revert, bookkeeping, "nothing ran on the target", next);
        } catch (SQLException e) {
            throw new PgMigrateException("could not connect to the " + database.description() + ": "
                    + e.getMessage(), null, e);
        }
        return differences(database, revert.targetSchema(), scope);
    }

    /** What differs between a dev database's schema now and an expected one. */
    static List<Difference> differences(DevDatabase database, SchemaModel expected, InspectScope scope)
            throws PgMigrateException {
        return ModelDifferences.between(DevStates.inspect(database, scope).model(), expected, OWNER);
    }
}
