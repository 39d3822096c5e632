package io.github.pgmigrate.lint.replay;

/**
 * A foreign key whose referencing columns lead no index: a delete or key update on the referenced table scans the
 * referencing one, and so does every join along the key.
 *
 * @param name       the constraint
 * @param table      the referencing table, schema-qualified
 * @param columns    its referencing columns, comma-separated, quoted where needed
 * @param referenced the referenced table, schema-qualified
 */
public record UnindexedForeignKey(String name, String table, String columns, String referenced) {
}
