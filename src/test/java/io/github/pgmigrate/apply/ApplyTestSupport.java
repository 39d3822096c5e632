package io.github.pgmigrate.apply;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.config.ConfigurationException;
import io.github.pgmigrate.config.ConnectionSettings;
import io.github.pgmigrate.config.Environment;
import io.github.pgmigrate.database.DatabaseConnector;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.testing.RecordingOutput;
import io.github.pgmigrate.testing.TestDatabase;

/** Runs apply against a test database. */
final class ApplyTestSupport {
    private ApplyTestSupport() {
    }

    static DatabaseConnector connector(Environment environment) {
        try {
            return DatabaseConnector.of(ConnectionSettings.of(environment));
        } catch (ConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    static ApplyResult apply(TestDatabase db, MigrationDirectory dir, ApplyOptions options, RecordingOutput out)
            throws PgMigrateException {
        return new Applier(connector(db.environment()), out).apply(dir, options);
    }

    static ApplyResult apply(TestDatabase db, MigrationDirectory dir, ApplyOptions options)
            throws PgMigrateException {
        return apply(db, dir, options, new RecordingOutput());
    }
}
