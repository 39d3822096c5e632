package io.github.pgmigrate.revert;

import io.github.pgmigrate.directory.DirectoryAccessException;
import io.github.pgmigrate.directory.MigrationDirectory;
import io.github.pgmigrate.directory.MigrationFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Hand-written down scripts: {@code down/<version>.sql} in a sub-folder of the migration directory. Atlas reads only
 * the top level of the directory, so they are not migrations, not in atlas.sum, and not linted as such.
 */
public final class HandWrittenDowns {
    /** The sub-folder of the migration directory that holds them. */
    public static final String FOLDER = "down";

    private HandWrittenDowns() {
    }

    /** The path of a version's down script relative to the migration directory, e.g. {@code down/3.sql}. */
    public static String relativePath(String version) {
        return FOLDER + "/" + version + ".sql";
    }

    /** The hand-written down script of a version, if there is one. */
    public static Optional<MigrationFile> of(MigrationDirectory directory, String version)
            throws DirectoryAccessException {
        Path file = directory.path().resolve(FOLDER).resolve(version + ".sql");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(MigrationFile.of(relativePath(version), Files.readAllBytes(file)));
        } catch (IOException e) {
            throw DirectoryAccessException.of("read the down script", file, e);
        }
    }
}
