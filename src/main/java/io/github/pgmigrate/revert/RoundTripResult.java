package io.github.pgmigrate.revert;

import io.github.pgmigrate.schema.drift.Difference;
import java.util.List;

/**
 * What {@code verify-migrations} found.
 *
 * @param migrations         one entry per checked migration, in order
 * @param desiredDifferences where the replayed directory differs from the desired schema; null when there was no
 *                           desired schema or the round trips already failed
 */
public record RoundTripResult(List<Check> migrations, List<Difference> desiredDifferences) {

    public RoundTripResult {
        migrations = List.copyOf(migrations);
        desiredDifferences = desiredDifferences == null ? null : List.copyOf(desiredDifferences);
    }

    public boolean failed() {
        return migrations.stream().anyMatch(check -> !check.passed())
                || (desiredDifferences != null && !desiredDifferences.isEmpty());
    }

    /**
     * The round trip of one migration.
     *
     * @param migration the file's name
     * @param passed    applied, reverted to exactly the schema before it, applied again
     * @param problem   what failed (the step, the statement or the objects that differ), else null
     */
    public record Check(String migration, boolean passed, String problem) {
    }
}
