package io.github.pgmigrate.schema.render;

import io.github.pgmigrate.schema.diff.DiffOptions;
import io.github.pgmigrate.schema.diff.SchemaDiffer;
import io.github.pgmigrate.schema.model.SchemaModel;

/**
 * A model as a runnable DDL script in dependency order: the plan from an empty database to the model, so the script
 * and {@code schema-diff} can never disagree about how an object is written.
 */
public final class SqlRenderer {
    private static final DiffOptions FROM_EMPTY = new DiffOptions(false, true);

    private SqlRenderer() {
    }

    public static String render(SchemaModel model) {
        return SchemaDiffer.diff(SchemaModel.empty(), model, FROM_EMPTY).sql();
    }
}
