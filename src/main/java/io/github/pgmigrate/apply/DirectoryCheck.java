package io.github.pgmigrate.apply;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.checksum.SumChange;
import io.github.pgmigrate.checksum.SumComparison;
import io.github.pgmigrate.checksum.SumFile;
import io.github.pgmigrate.checksum.SumFormatException;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.directory.MigrationFile;
import io.github.pgmigrate.sql.SqlSyntaxException;
import java.util.List;

/**
 * What {@code apply} checks before it connects, as Atlas's {@code migrate.Validate} does: atlas.sum exists and matches
 * the files, and every file splits into statements. Nothing touches the database when this fails.
 */
public final class DirectoryCheck {
    private DirectoryCheck() {
    }

    /** @return the sum computed from the files (the source of the revisions' hash column) */
    public static SumFile verify(MigrationDirectory directory) throws PgMigrateException {
        byte[] stored = directory.sum().orElseThrow(() -> new PgMigrateException(
                "checksum file not found: " + directory.sumPath(),
                "run mvn pgmigrate:hash to create atlas.sum, and commit it with the migrations"));
        SumFile sum;
        try {
            sum = SumFile.parse(stored);
        } catch (SumFormatException e) {
            throw new PgMigrateException(directory.sumPath() + ": " + e.getMessage(),
                    "run mvn pgmigrate:hash to rewrite atlas.sum", e);
        }
        List<SumChange> changes = SumComparison.compare(sum, directory.files());
        if (!changes.isEmpty()) {
            StringBuilder message = new StringBuilder("checksum mismatch: atlas.sum does not match the migration"
                    + " files in " + directory.path() + ":");
            changes.forEach(c -> message.append("\n  ").append(c));
            throw new PgMigrateException(message.toString(),
                    "if the change is intended (a new or edited file that was never applied), run mvn"
                            + " pgmigrate:hash; never edit a migration that was applied somewhere");
        }
        for (MigrationFile file : directory.files()) {
            try {
                file.statements();
            } catch (SqlSyntaxException e) {
                throw new PgMigrateException(file.name() + ":" + e.line() + ":" + e.column() + ": " + e.problem(),
                        e.hint(), e);
            }
        }
        return SumFile.compute(directory.files());
    }
}
