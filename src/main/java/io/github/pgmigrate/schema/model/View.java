package io.github.pgmigrate.schema.model;

import java.util.List;

/**
 * A view or a materialized view.
 *
 * @param definition {@code pg_get_viewdef}: the SELECT, as the server normalises it
 * @param options    reloptions such as {@code security_barrier=true}, {@code check_option=local}
 * @param indexes    indexes of a materialized view
 */
public record View(QualifiedName name, boolean materialized, String owner, String definition, List<String> options,
                   List<Index> indexes, List<Grant> grants, String comment) {
}
