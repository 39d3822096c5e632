package io.github.pgmigrate.validate;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.checksum.SumFile;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.output.Output;
import java.util.stream.Collectors;

/**
 * What {@code apply} checks before it connects: the full directory validation of {@code pgmigrate:validate} (atlas.sum
 * matches the files, every file splits into statements, directives are read as written). Nothing touches the
 * database when this fails.
 */
public final class PreflightCheck {
    private PreflightCheck() {
    }

    /** @return the sum computed from the files (the source of the revisions' hash column) */
    public static SumFile verify(MigrationDirectory directory, boolean strict, Output out) throws PgMigrateException {
        String shown = directory.path() == null ? "." : directory.path().toString();
        ValidationReport report = DirectoryValidator.validate(directory, strict);
        report.warnings().forEach(w -> out.warn(w.format(shown)));
        if (report.hasErrors()) {
            throw new PgMigrateException("the migration directory is not valid, nothing was applied:\n"
                    + report.errors().stream().map(p -> p.format(shown)).collect(Collectors.joining("\n")),
                    null);
        }
        return report.computedSum();
    }
}
