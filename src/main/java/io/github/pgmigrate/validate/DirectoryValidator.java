package io.github.pgmigrate.validate;

import io.github.pgmigrate.checksum.SumChange;
import io.github.pgmigrate.checksum.SumComparison;
import io.github.pgmigrate.checksum.SumFile;
import io.github.pgmigrate.checksum.SumFormatException;
import io.github.pgmigrate.directory.Directive;
import io.github.pgmigrate.directory.FileDirectives;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.directory.MigrationFile;
import io.github.pgmigrate.sql.SqlSyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Checks a migration directory without a database: every file is valid UTF-8, named with a version, splits into
 * statements that can run over JDBC, carries only directives Atlas reads the way its author meant; versions are
 * unique; and atlas.sum matches the files.
 */
public final class DirectoryValidator {
    static final String HASH_HINT = "if the change is intended, run 'mvn pgmigrate:hash' to re-hash the directory;"
            + " never edit a migration that was already applied, add a new one instead";
    private static final String SUM = MigrationDirectory.SUM_FILE;

    private final boolean strict;
    private final List<Problem> problems = new ArrayList<>();

    private DirectoryValidator(boolean strict) {
        this.strict = strict;
    }

    /**
     * Validates a directory.
     *
     * @param strict every warning becomes an error
     */
    public static ValidationReport validate(MigrationDirectory directory, boolean strict) {
        DirectoryValidator validator = new DirectoryValidator(strict);
        // Files are independent: check them in parallel on the pool, then report in file order. atlas.sum chains every
        // file's hash to the one before, so it is computed on this thread meanwhile.
        ForkJoinTask<List<List<Problem>>> perFile = ForkJoinPool.commonPool().submit(() -> directory.files()
                .parallelStream()
                .map(file -> {
                    DirectoryValidator checker = new DirectoryValidator(strict);
                    checker.checkFile(file);
                    return checker.problems;
                })
                .toList());
        SumFile computed = SumFile.compute(directory.files());
        perFile.join().forEach(validator.problems::addAll);
        validator.checkVersions(directory.files());
        validator.checkSum(directory, computed);
        return new ValidationReport(directory.files().size(), validator.problems, computed);
    }

    private void error(String file, int line, int column, String message, String hint) {
        problems.add(new Problem(Severity.ERROR, file, line, column, message, hint));
    }

    /** A problem that does not stop Atlas; with {@code strict} it is an error all the same. */
    private void warning(String file, int line, String message, String hint) {
        problems.add(new Problem(strict ? Severity.ERROR : Severity.WARNING, file, line, 0, message,
                strict ? hint + " (an error because of -Dpgmigrate.strict=true)" : hint));
    }

    private void checkFile(MigrationFile file) {
        if (file.version().isEmpty()) {
            error(file.name(), 0, 0, "the file name has no version before its first '_'",
                    "name it <version>_<description>.sql, e.g. 20250101120000_add_users.sql");
        }
        if (file.name().endsWith(".down.sql")) {
            warning(file.name(), 0, "in Atlas's format a .down.sql file is an ordinary migration: it will be applied"
                    + " like any other", "move it to down/<version>.sql under the migration directory: Atlas ignores"
                    + " sub-folders, and pgmigrate:down and pgmigrate:verify-migrations run it");
        }
        try {
            file.statements();
        } catch (SqlSyntaxException e) {
            error(file.name(), e.line(), e.column(), e.problem(), e.hint());
        }
        checkDirectives(file);
    }

    private void checkDirectives(MigrationFile file) {
        FileDirectives directives = file.directives();
        List<Directive> txModes = directives.named(FileDirectives.TXMODE);
        if (txModes.size() > 1) {
            error(file.name(), txModes.get(1).line(), 0, "multiple atlas:txmode directives", "keep only one");
        }
        for (Directive txMode : txModes) {
            String value = txMode.argument();
            if (value.equals("all")) {
                error(file.name(), txMode.line(), 0, "txmode \"all\" is not allowed in a file directive",
                        "use \"file\" (one transaction for this file) or \"none\"");
            } else if (!value.equals("file") && !value.equals("none")) {
                error(file.name(), txMode.line(), 0, "unknown txmode \"" + value + "\" in file directive",
                        "use -- atlas:txmode none or -- atlas:txmode file");
            }
        }
        for (Directive ignored : directives.ignored()) {
            error(file.name(), ignored.line(), 0, "Atlas ignores this atlas:" + ignored.name() + " directive: "
                            + directives.whyIgnored() + (ignored.name().equals(FileDirectives.TXMODE)
                            ? " (so the file runs inside a transaction: Atlas issue #3596)" : ""),
                    directives.howToApply());
        }
    }

    private void checkVersions(List<MigrationFile> files) {
        Map<String, List<String>> byVersion = new LinkedHashMap<>();
        for (MigrationFile file : files) {
            byVersion.computeIfAbsent(file.version(), v -> new ArrayList<>()).add(file.name());
        }
        byVersion.forEach((version, names) -> {
            if (names.size() > 1 && !version.isEmpty()) {
                error(names.get(1), 0, 0, "version " + version + " is used by " + String.join(", ", names)
                                + ": every file runs, but the revisions table keeps one row per version, so the"
                                + " history cannot tell them apart",
                        "give each file its own version: mvn pgmigrate:renumber renames them to unique 14-digit"
                                + " versions in the same order");
            }
        });
        checkNumericWidths(files);
    }

    /** Versions compare as text, so 10 sorts before 9: say so once. */
    private void checkNumericWidths(List<MigrationFile> files) {
        MigrationFile longest = null;
        for (MigrationFile file : files) {
            String version = file.version();
            if (!isNumeric(version)) {
                continue;
            }
            if (longest != null && version.length() < longest.version().length()) {
                warning(file.name(), 0, "versions compare as text, so " + longest.name() + " runs before "
                        + file.name(), "give numeric versions the same width, e.g. timestamps yyyyMMddHHmmss");
                return;
            }
            if (longest == null || version.length() > longest.version().length()) {
                longest = file;
            }
        }
    }

    private static boolean isNumeric(String version) {
        for (int i = 0; i < version.length(); i++) {
            if (!Character.isDigit(version.charAt(i))) {
                return false;
            }
        }
        return !version.isEmpty();
    }

    private void checkSum(MigrationDirectory directory, SumFile computed) {
        Optional<byte[]> bytes = directory.sum();
        if (bytes.isEmpty()) {
            if (!directory.files().isEmpty()) {
                error(SUM, 0, 0, "atlas.sum is missing, so the directory's integrity cannot be checked",
                        "run 'mvn pgmigrate:hash' to create it, and commit it with the migrations");
            }
            return;
        }
        SumFile stored;
        try {
            stored = SumFile.parse(bytes.get());
        } catch (SumFormatException e) {
            error(SUM, e.line(), 0, e.getMessage(), "run 'mvn pgmigrate:hash' to rewrite it"
                    + " (after a merge conflict, keep neither side: re-hash)");
            return;
        }
        if (stored.directorySum().equals(computed.directorySum())) {
            return;
        }
        List<SumChange> changes = SumComparison.compare(stored, directory.files());
        if (changes.isEmpty()) {
            error(SUM, 1, 0, "atlas.sum does not match the migration files", HASH_HINT);
        }
        for (SumChange change : changes) {
            error(SUM, change.sumLine(), 0, change.file() + " was " + change.kind().word()
                    + " after atlas.sum was written", HASH_HINT);
        }
    }
}
