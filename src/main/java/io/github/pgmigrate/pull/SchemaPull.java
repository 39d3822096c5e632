package io.github.pgmigrate.pull;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.checksum.SumWriter;
import io.github.pgmigrate.command.DatabaseCommand;
import io.github.pgmigrate.database.DatabaseConnector;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.directory.MigrationFile;
import io.github.pgmigrate.history.HistoryTarget;
import io.github.pgmigrate.output.Output;
import io.github.pgmigrate.revisions.OperatorVersion;
import io.github.pgmigrate.revisions.Revision;
import io.github.pgmigrate.schema.inspect.InspectScope;
import io.github.pgmigrate.schema.inspect.Inspection;
import io.github.pgmigrate.schema.inspect.SchemaInspector;
import io.github.pgmigrate.schema.migration.NextMigration;
import io.github.pgmigrate.schema.model.SchemaModel;
import io.github.pgmigrate.schema.render.SqlRenderer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

/**
 * {@code pull} (Supabase's {@code db pull}, Atlas's inspect-to-SQL): writes a database's schema, managed schemas left
 * out, as the next migration file, re-hashes atlas.sum and records the file as the database's baseline, so an
 * existing database starts versioned in one step. A database that already has a history is refused unless
 * {@code overHistory} says to record the whole schema above it (a squash).
 */
public final class SchemaPull {
    private final DatabaseConnector connector;
    private final Output out;

    public SchemaPull(DatabaseConnector connector, Output out) {
        this.connector = connector;
        this.out = out;
    }

    /**
     * @param directory   the migration directory (created when missing)
     * @param name        the new file's name after the version
     * @param overHistory pull although the database has revisions
     * @return the written file
     */
    public Path pull(Path directory, String name, InspectScope scope, HistoryTarget history, boolean overHistory,
                     Clock clock) throws PgMigrateException {
        return DatabaseCommand.on(connector, "pull failed").lockedOnce("pull").history(history).run(context -> {
            List<Revision> revisions = context.revisions();
            if (!revisions.isEmpty() && !overHistory) {
                throw new PgMigrateException("the database already has a migration history (" + revisions.size()
                        + " versions, the last " + revisions.get(revisions.size() - 1).version() + "); pull writes"
                        + " the schema of a database without one", "write only the changes since then with mvn"
                        + " pgmigrate:diff, or set -Dpgmigrate.pull.overHistory=true to write the whole schema as a"
                        + " new file recorded as applied above the history (a squash)");
            }
            Inspection inspection = SchemaInspector.inspect(context.connection(), scope);
            SchemaModel model = inspection.model();
            if (!inspection.managedSchemasExcluded().isEmpty()) {
                out.info("Left out the platform's managed schemas "
                        + String.join(", ", inspection.managedSchemasExcluded()));
            }
            if (model.tables().isEmpty() && model.views().isEmpty() && model.routines().isEmpty()
                    && model.enums().isEmpty() && model.sequences().isEmpty() && model.extensions().isEmpty()
                    && model.domains().isEmpty() && model.compositeTypes().isEmpty()) {
                throw new PgMigrateException("nothing to pull: the database has no objects in "
                        + (scope.schemas().isEmpty() ? "its user schemas" : String.join(", ", scope.schemas())),
                        "pull starts versioning a database that already holds a schema; for an empty one write"
                                + " the first migration with mvn pgmigrate:new");
            }
            Path file = write(directory, name, SqlRenderer.render(model), clock);
            try {
                List<MigrationFile> files = MigrationDirectory.load(directory).files();
                MigrationFile written = files.stream()
                        .filter(f -> f.name().equals(file.getFileName().toString())).findFirst().orElseThrow();
                context.commit(context.recorder().baseline(written, files, OperatorVersion.current()));
                out.info("Wrote " + file + " (" + model.tables().size() + " tables, " + model.views().size()
                        + " views, " + model.routines().size() + " routines) and re-hashed atlas.sum");
                out.info("Recorded version " + written.version() + " as the baseline of this database ("
                        + context.recorder().readTableName() + "): apply runs only the files after it");
                return file;
            } catch (SQLException | PgMigrateException | RuntimeException e) {
                undo(directory, file);
                throw e;
            }
        });
    }

    private static Path write(Path directory, String name, String sql, Clock clock) throws PgMigrateException {
        try {
            return NextMigration.writeScript(directory, name, sql, clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A baseline that could not be recorded leaves no file behind. */
    private static void undo(Path directory, Path file) {
        try {
            Files.deleteIfExists(file);
            SumWriter.write(MigrationDirectory.load(directory));
        } catch (IOException | PgMigrateException e) {
            throw new UncheckedIOException(new IOException("could not remove " + file + " after the baseline"
                    + " failed; delete it and run mvn pgmigrate:hash", e));
        }
    }
}
