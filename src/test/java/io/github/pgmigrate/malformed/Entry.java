package io.github.pgmigrate.malformed;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.apply.Applier;
import io.github.pgmigrate.apply.ApplyOptions;
import io.github.pgmigrate.checksum.SumWriter;
import io.github.pgmigrate.config.ConnectionSettings;
import io.github.pgmigrate.database.DatabaseConnector;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.directory.NewMigration;
import io.github.pgmigrate.lint.Finding;
import io.github.pgmigrate.lint.LintOptions;
import io.github.pgmigrate.lint.LintRun;
import io.github.pgmigrate.lint.LintScope;
import io.github.pgmigrate.testing.RecordingOutput;
import io.github.pgmigrate.testing.TestDatabase;
import io.github.pgmigrate.validate.DirectoryValidator;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Collectors;

/** An engine entry a goal calls, run on a directory; the outcome is what the user reads. */
enum Entry {
    VALIDATE {
        @Override
        String run(Path dir, TestDatabase db) throws PgMigrateException {
            return DirectoryValidator.validate(MigrationDirectory.load(dir), false).errors().stream()
                    .map(p -> p.format("dir")).collect(Collectors.joining("\n"));
        }
    },
    LINT {
        @Override
        String run(Path dir, TestDatabase db) throws PgMigrateException {
            return LintRun.run(MigrationDirectory.load(dir), new LintScope.All(), LintOptions.defaults(),
                    p -> "dir/" + p.getFileName()).findings().stream()
                    .map(Finding::logLine).collect(Collectors.joining("\n"));
        }
    },
    HASH {
        @Override
        String run(Path dir, TestDatabase db) throws PgMigrateException {
            return SumWriter.write(MigrationDirectory.load(dir)) ? "wrote atlas.sum" : "atlas.sum is up to date";
        }
    },
    NEW {
        @Override
        String run(Path dir, TestDatabase db) throws PgMigrateException {
            Clock clock = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
            return "created " + NewMigration.create(dir, "next", "20250101000000", clock).getFileName();
        }
    },
    APPLY {
        @Override
        String run(Path dir, TestDatabase db) throws PgMigrateException {
            DatabaseConnector connector = DatabaseConnector.of(ConnectionSettings.of(db.environment()));
            return "applied " + new Applier(connector, new RecordingOutput())
                    .apply(MigrationDirectory.load(dir), ApplyOptions.defaults()).statements() + " statement(s)";
        }
    };

    /** The outcome: the problems reported, or what was done; a refusal is its message and hint. */
    abstract String run(Path dir, TestDatabase db) throws PgMigrateException;

    boolean needsDatabase() {
        return this == APPLY;
    }
}
