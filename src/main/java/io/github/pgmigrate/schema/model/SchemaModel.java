package io.github.pgmigrate.schema.model;

import java.util.List;

/**
 * The schema of one database (or of the part of it in scope), as immutable values in a stable order: equal models
 * mean equal schemas. Every list is sorted by name; columns keep their table order, enum labels their sort order.
 */
public record SchemaModel(List<Namespace> schemas, List<Extension> extensions, List<EnumType> enums,
                          List<Domain> domains, List<CompositeType> compositeTypes, List<Sequence> sequences,
                          List<Table> tables, List<View> views, List<Routine> routines,
                          List<Dependency> dependencies) {

    public static SchemaModel empty() {
        return new SchemaModel(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of());
    }

    public Table table(QualifiedName name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst().orElse(null);
    }
}
