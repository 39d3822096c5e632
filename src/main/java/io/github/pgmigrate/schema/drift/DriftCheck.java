package io.github.pgmigrate.schema.drift;

import io.github.pgmigrate.schema.diff.DiffOptions;
import io.github.pgmigrate.schema.diff.Plan;
import io.github.pgmigrate.schema.diff.SchemaDiffer;
import io.github.pgmigrate.schema.diff.UnsupportedChangeException;
import io.github.pgmigrate.schema.model.SchemaModel;
import java.util.List;
import java.util.Set;

/**
 * Compares a live schema with the one its migrations create. Owners are not compared: the migrations ran as the dev
 * database's user, the live database as the application's.
 *
 * @param differences  every difference, field by field
 * @param repair       the plan that turns the live schema into the migrations' one, or null when the differ has no
 *                     plan for one of the changes ({@link #noRepairReason})
 * @param noRepairReason why there is no repair plan, else null
 */
public record DriftCheck(List<Difference> differences, Plan repair, String noRepairReason) {
    public static DriftCheck between(SchemaModel live, SchemaModel expected) {
        List<Difference> differences = ModelDifferences.between(live, expected, Set.of("owner"));
        try {
            return new DriftCheck(differences, SchemaDiffer.diff(live, expected, DiffOptions.WITHOUT_OWNERS), null);
        } catch (UnsupportedChangeException e) {
            return new DriftCheck(differences, null, e.getMessage());
        }
    }

    public boolean drifted() {
        return !differences.isEmpty();
    }
}
