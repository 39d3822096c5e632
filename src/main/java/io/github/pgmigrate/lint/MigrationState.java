package io.github.pgmigrate.lint;

import io.github.pgmigrate.lint.ddl.QualifiedName;
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

    final List<Created> tables = new ArrayList<>();
    final List<Created> indexes = new ArrayList<>();
    final List<Created> schemas = new ArrayList<>();
    final List<Created> types = new ArrayList<>();
    final List<Created> views = new ArrayList<>();
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
        return types.stream().filter(c -> c.name().sameObjectAs(type)).mapToInt(Created::transactionId).findFirst()
                .orElse(Integer.MIN_VALUE);
    }

    boolean isNewColumn(QualifiedName table, String column) {
        return addedColumns.stream().anyMatch(c -> c.table().sameObjectAs(table) && c.column().equals(column));
    }

    private static boolean contains(List<Created> created, QualifiedName name) {
        return created.stream().anyMatch(c -> c.name().sameObjectAs(name));
    }
}
