package io.github.pgmigrate.revisions;

import io.github.pgmigrate.PgMigrateException;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Atlas's safety guard against a second revisions table: the URL binds the connection to a schema, no revisions
 * schema is configured, the bound schema has no atlas_schema_revisions but schema {@code atlas_schema_revisions}
 * has one (typically written by an earlier run without {@code search_path}). Continuing would start a fresh history
 * and re-run every migration.
 */
public final class RevisionSchemaGuard {
    public static final String DEFAULT_SCHEMA = "atlas_schema_revisions";

    private RevisionSchemaGuard() {
    }

    /**
     * @param boundSchema      the schema the URL binds (search_path), or null
     * @param configuredSchema the configured revisions schema, or null
     */
    public static void check(Connection connection, String boundSchema, String configuredSchema)
            throws SQLException, PgMigrateException {
        if (boundSchema == null || configuredSchema != null) {
            return;
        }
        if (RevisionTable.exists(connection, boundSchema) || !RevisionTable.exists(connection, DEFAULT_SCHEMA)) {
            return;
        }
        throw new PgMigrateException("ambiguous revision table: "
                + "We couldn't find a revision table in the connected schema but found one in \n"
                + "the schema 'atlas_schema_revisions' and cannot determine the desired behavior.\n\n"
                + "As a safety guard, we require you to specify whether to use the existing\n"
                + "table in 'atlas_schema_revisions' or create a new one in the connected schema\n"
                + "by providing the '--revisions-schema' flag or deleting the 'atlas_schema_revisions'\n"
                + "schema if it is unused.",
                "set <revisionsSchema>atlas_schema_revisions</revisionsSchema> in the environment (or"
                        + " -Dpgmigrate.revisionsSchema=atlas_schema_revisions) to continue the existing history, or"
                        + " <revisionsSchema>" + boundSchema + "</revisionsSchema> to start a new one in \""
                        + boundSchema + "\"");
    }
}
