package io.github.pgmigrate.schema.migration;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.checksum.SumWriter;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.directory.MigrationFile;
import io.github.pgmigrate.directory.NewMigration;
import io.github.pgmigrate.lint.Finding;
import io.github.pgmigrate.lint.FindingSeverity;
import io.github.pgmigrate.lint.LintOptions;
import io.github.pgmigrate.lint.Linter;
import io.github.pgmigrate.schema.diff.Hazard;
import io.github.pgmigrate.schema.diff.Plan;
import io.github.pgmigrate.schema.diff.PlanFiles;
import io.github.pgmigrate.schema.diff.PlanFiles.PlanFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes a plan as the next migration file(s) of a directory, named as {@code pgmigrate:new} names them (one second
 * apart when the plan needs more than one file), and re-hashes atlas.sum. Refuses hazards unless destructive changes
 * are allowed, and refuses a plan pgmigrate's own linter would reject.
 */
public final class NextMigration {
    private NextMigration() {
    }

    /** @return the written files; none when the plan is empty */
    public static List<Path> write(Path directory, String name, Plan plan, boolean allowDestructive, Clock clock)
            throws PgMigrateException, IOException {
        if (plan.isEmpty()) {
            return List.of();
        }
        if (!plan.hazards().isEmpty() && !allowDestructive) {
            throw new PgMigrateException("the plan has " + plan.hazards().size() + " destructive change(s): "
                    + plan.hazards().stream().map(Hazard::toString).collect(Collectors.joining("; "))
                    + "; no file was written", "change the desired schema, or set -Dpgmigrate.allowDestructive=true"
                    + " (the allowDestructive guard) to write them");
        }
        List<PlanFile> files = PlanFiles.split(plan);
        refuseLintErrors(name, files);
        List<Path> written = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Path file = NewMigration.create(directory, name, null, Clock.offset(clock, Duration.ofSeconds(i)));
            PlanFile content = files.get(i);
            // The blank line keeps the name comment apart from a first statement's atlas:nolint mark.
            String header = content.txModeNone() ? "" : Files.readString(file, StandardCharsets.UTF_8) + "\n";
            Files.writeString(file, header + content.content(), StandardCharsets.UTF_8);
            written.add(file);
        }
        SumWriter.write(MigrationDirectory.load(directory));
        return written;
    }

    /** Writes a ready script (a schema pulled from a database) as the next migration file and re-hashes atlas.sum. */
    public static Path writeScript(Path directory, String name, String sql, Clock clock)
            throws PgMigrateException, IOException {
        Path file = NewMigration.create(directory, name, null, clock);
        Files.writeString(file, Files.readString(file, StandardCharsets.UTF_8) + "\n" + sql, StandardCharsets.UTF_8);
        SumWriter.write(MigrationDirectory.load(directory));
        return file;
    }

    private static void refuseLintErrors(String name, List<PlanFile> files) throws PgMigrateException {
        List<MigrationFile> candidates = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            candidates.add(MigrationFile.of(String.format("%014d_%s.sql", i, name), files.get(i).content()));
        }
        List<String> errors = new Linter(LintOptions.defaults()).lint(candidates, MigrationFile::name).findings()
                .stream().filter(f -> f.severity() == FindingSeverity.ERROR).map(Finding::logLine).toList();
        if (!errors.isEmpty()) {
            throw new PgMigrateException("the generated plan fails pgmigrate's own lint, so no file was written: "
                    + String.join("; ", errors), "this is a pgmigrate bug: please report it with the desired schema;"
                    + " meanwhile write this migration by hand (pgmigrate:new)");
        }
    }
}
