package io.github.pgmigrate.schema.diff;

import io.github.pgmigrate.schema.model.ObjectRef;
import java.util.ArrayList;
import java.util.List;

/**
 * The plan under construction, in the order its parts run: new schemas and extensions; drops of things that other
 * changes would trip over (views, constraints, indexes, triggers, policies) and of tables; creations and alterations
 * of types, sequences, routines, tables and views in dependency order; what hangs off tables (constraints, indexes,
 * ownership of sequences); foreign keys; validations (committed separately); triggers and policies; comments, owners
 * and grants; and last the drops of routines, sequences, types, extensions and schemas nothing uses any more.
 */
final class PlanPhases {
    /** Creations or alterations of one top-level object, sorted with the others by dependency. */
    record Unit(ObjectRef ref, int rank, List<Step> steps) {
    }

    final List<Step> namespaces = new ArrayList<>();
    final List<Step> dropViews = new ArrayList<>();
    final List<Step> dropForeignKeys = new ArrayList<>();
    final List<Step> dropDependents = new ArrayList<>();
    final List<Step> dropTables = new ArrayList<>();
    final List<Unit> units = new ArrayList<>();
    final List<Step> tableParts = new ArrayList<>();
    /**
     * Foreign keys of new tables whose referenced key exists before the concurrent index builds: they run in the
     * transaction that created the table (checking an empty table costs nothing, and the linter sees the table is new).
     */
    final List<Step> newTableForeignKeys = new ArrayList<>();
    final List<Step> foreignKeys = new ArrayList<>();
    final List<Step> validations = new ArrayList<>();
    final List<Step> afterValidation = new ArrayList<>();
    final List<Step> attached = new ArrayList<>();
    final List<Step> meta = new ArrayList<>();
    /** Drops of types, sequences and routines, sorted dependents first when the plan is assembled. */
    final List<Unit> dropLate = new ArrayList<>();
    final List<Step> dropNamespaces = new ArrayList<>();
    final List<Hazard> hazards = new ArrayList<>();

    void unit(ObjectRef ref, int rank, List<Step> steps) {
        if (!steps.isEmpty()) {
            units.add(new Unit(ref, rank, List.copyOf(steps)));
        }
    }

    void dropLate(ObjectRef ref, Step drop) {
        dropLate.add(new Unit(ref, 0, List.of(drop)));
    }

    Hazard hazard(String object, String loss) {
        Hazard hazard = new Hazard(object, loss);
        hazards.add(hazard);
        return hazard;
    }
}
