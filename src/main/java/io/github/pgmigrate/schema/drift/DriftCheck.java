package io.github.pgmigrate.schema.drift;

import io.github.pgmigrate.output.Output;
import io.github.pgmigrate.schema.diff.DiffOptions;
import io.github.pgmigrate.schema.diff.Hazard;
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

    /** The report drift prints, for one database or one fleet target: differences, hazards, the repair SQL. */
    public void print(Output out) {
        if (!drifted()) {
            out.info("No drift: the live schema is the one the migration directory creates");
            return;
        }
        out.warn("Drift: " + differences.size() + " difference(s) between the live schema and the migration"
                + " directory");
        for (Difference difference : differences) {
            out.warn("  " + difference);
        }
        if (repair == null) {
            out.warn("No SQL to remove it: " + noRepairReason);
            return;
        }
        for (Hazard hazard : repair.hazards()) {
            out.warn("Hazard in the SQL below: " + hazard);
        }
        out.info("SQL that would bring the live schema back to the migrations' (not run):");
        repair.sql().lines().forEach(line -> out.info("  " + line));
    }
}
