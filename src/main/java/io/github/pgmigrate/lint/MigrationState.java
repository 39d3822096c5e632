package io.github.pgmigrate.lint;

import io.github.pgmigrate.ddl.QualifiedName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the file has done so far, in statement order: the objects it created (which nobody else can be using yet, so
 * lock rules exempt them), constraints added NOT VALID and validated, enum values added, timeouts set and which
 * transaction each happened in.
 */
final class MigrationState {
    record Created(QualifiedName name, int transactionId) {
    }

    record TableColumn(QualifiedName table, String column) {
    }

    record AddedConstraint(QualifiedName table, String name, String notNullColumn, int transactionId) {
    }

    record EnumValue(QualifiedName type, String label, int transactionId) {
    }

    final CreatedObjects tables = new CreatedObjects();
    final CreatedObjects indexes = new CreatedObjects();
    final CreatedObjects schemas = new CreatedObjects();
    final CreatedObjects types = new CreatedObjects();
    final CreatedObjects views = new CreatedObjects();
    final List<TableColumn> addedColumns = new ArrayList<>();
    final List<AddedConstraint> notValidConstraints = new ArrayList<>();
    final List<TableColumn> validatedNotNullChecks = new ArrayList<>();
    /** Tables on which the file validated a constraint it did not add itself (it may be a NOT NULL check). */
    final List<QualifiedName> validatedForeignConstraintTables = new ArrayList<>();
    final List<String> droppedConstraintsIfExists = new ArrayList<>();
    final List<EnumValue> addedEnumValues = new ArrayList<>();
    final Map<QualifiedName, Integer> alterCounts = new HashMap<>();
    /** Views created anywhere in the file (a rename followed by a compatibility view is not breaking). */
    final List<QualifiedName> viewsInFile = new ArrayList<>();

    boolean lockTimeoutSet;
    boolean statementTimeoutSet;
    boolean lockTimeoutReported;
    boolean statementTimeoutReported;
    /** The transaction that holds an ACCESS EXCLUSIVE lock on a pre-existing table, or null. */
    Integer accessExclusiveTransaction;
    String accessExclusiveTable;
    boolean accessExclusiveReported;

    boolean isNewTable(QualifiedName table) {
        return table != null && contains(tables, table);
    }

    boolean isNewIndex(QualifiedName index) {
        return index != null && contains(indexes, index);
    }

    boolean isNewSchema(QualifiedName schema) {
        return contains(schemas, schema);
    }

    boolean isNewType(QualifiedName type) {
        return contains(types, type);
    }

    boolean isNewView(QualifiedName view) {
        return contains(views, view);
    }

    int transactionOfType(QualifiedName type) {
        return types.transactionOf(type);
    }

    boolean isNewColumn(QualifiedName table, String column) {
        return addedColumns.stream().anyMatch(c -> c.table().sameObjectAs(table) && c.column().equals(column));
    }

    private static boolean contains(CreatedObjects created, QualifiedName name) {
        return created.contains(name);
    }

    /** Objects created by the file, indexed by bare name (files can create thousands of objects). */
    static final class CreatedObjects {
        private final Map<String, List<Created>> byName = new HashMap<>();

        void add(Created created) {
            byName.computeIfAbsent(created.name().name(), k -> new ArrayList<>()).add(created);
        }

        boolean contains(QualifiedName name) {
            return transactionOf(name) != Integer.MIN_VALUE;
        }

        int transactionOf(QualifiedName name) {
            if (name == null) {
                return Integer.MIN_VALUE;
            }
            for (Created c : byName.getOrDefault(name.name(), List.of())) {
                if (c.name().sameObjectAs(name)) {
                    return c.transactionId();
                }
            }
            return Integer.MIN_VALUE;
        }
    }
}
