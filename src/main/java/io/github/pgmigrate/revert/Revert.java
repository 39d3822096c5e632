package io.github.pgmigrate.revert;

import io.github.pgmigrate.directory.MigrationFile;
import io.github.pgmigrate.schema.diff.Hazard;
import io.github.pgmigrate.schema.model.SchemaModel;
import java.util.List;

/**
 * How one applied migration is taken back: the statements that turn the schema of its version into the schema of
 * the version before it.
 *
 * @param migration   the migration file being reverted
 * @param target      the version the database is at afterwards, or null for "before the first migration"
 * @param targetSchema the schema of that version, which the revert must reach
 * @param handWritten the hand-written down file ({@code down/<version>.sql}) when there is one, else null (computed)
 * @param statements  what runs, in order
 * @param hazards     the data the revert loses (from the computed plan, also when a hand-written file runs)
 */
public record Revert(MigrationFile migration, String target, SchemaModel targetSchema, String handWritten,
                     List<RevertStatement> statements, List<Hazard> hazards) {

    public Revert {
        statements = List.copyOf(statements);
        hazards = List.copyOf(hazards);
    }

    /** Where the statements come from, for messages: {@code down/3.sql} or {@code computed down of 3_c.sql}. */
    public String source() {
        return handWritten != null ? handWritten : "computed down of " + migration.name();
    }

    /** The state the revert leads to, for messages. */
    public String targetDescription() {
        return target == null ? "no migration applied" : "version " + target;
    }

    /**
     * One statement of a revert.
     *
     * @param sql           the statement without its semicolon
     * @param line          its line in the hand-written file, or 0 for a computed statement
     * @param transactional false for a statement that must run outside a transaction block
     */
    public record RevertStatement(String sql, int line, boolean transactional) {
    }
}
