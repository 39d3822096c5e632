package io.github.pgmigrate.devdb;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.schema.model.SchemaModel;

/** The schema a migration directory creates, replayed on a dev database of a PostgreSQL major (drift, deploy). */
@FunctionalInterface
public interface ReplayedSchema {

    /** @param toVersion the last file replayed; null: every file of the directory */
    SchemaModel upTo(String toVersion, int major) throws PgMigrateException;
}
