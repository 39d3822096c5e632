package io.github.pgmigrate.directory;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.FileSystemException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A migration directory in Atlas's format: the top-level {@code *.sql} files in byte order of their names, and the
 * {@code atlas.sum} beside them. Sub-directories and other files are not part of it.
 */
public final class MigrationDirectory {
    public static final String SUM_FILE = "atlas.sum";

    private final Path path;
    private final List<MigrationFile> files;
    private final byte[] sum;

    public MigrationDirectory(Path path, List<MigrationFile> files, byte[] sum) {
        this.path = path;
        List<MigrationFile> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparing(MigrationFile::name, ByteOrder.COMPARATOR));
        this.files = List.copyOf(sorted);
        this.sum = sum;
    }

    /**
     * Reads a directory. Everything that keeps a migration out of it is an error rather than a silent skip: a path
     * that is no directory, an entry that cannot be read, a {@code *.sql} symbolic link that leads nowhere, an
     * atlas.sum that is not a file.
     */
    public static MigrationDirectory load(Path path) throws DirectoryAccessException {
        if (!Files.isDirectory(path)) {
            throw notADirectory(path);
        }
        List<MigrationFile> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(path, "*.sql")) {
            for (Path entry : entries) {
                if (Files.isDirectory(entry)) {
                    continue;
                }
                requireRegularFile(entry, "migration file");
                files.add(read(entry));
            }
        } catch (IOException | DirectoryIteratorException e) {
            IOException cause = e instanceof DirectoryIteratorException d ? d.getCause() : (IOException) e;
            throw DirectoryAccessException.of("list the migration directory", path, cause);
        }
        return new MigrationDirectory(path, files, readSum(path.resolve(SUM_FILE)));
    }

    private static DirectoryAccessException notADirectory(Path path) {
        if (Files.exists(path)) {
            return new DirectoryAccessException("the migration directory " + path + " is a file, not a directory",
                    "point <dir> (-Dpgmigrate.dir) at the directory that holds the .sql files");
        }
        return new DirectoryAccessException("the migration directory " + path + " does not exist",
                "create it with 'mvn pgmigrate:new -Dpgmigrate.name=init', or point <dir> (-Dpgmigrate.dir) at"
                        + " your migrations");
    }

    private static MigrationFile read(Path file) throws DirectoryAccessException {
        try {
            return MigrationFile.read(file);
        } catch (IOException e) {
            throw DirectoryAccessException.of("read the migration file", file, e);
        }
    }

    private static byte[] readSum(Path sum) throws DirectoryAccessException {
        if (!Files.exists(sum, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        if (Files.isDirectory(sum)) {
            throw new DirectoryAccessException(sum + " is a directory, not the checksum file",
                    "remove the directory, then run 'mvn pgmigrate:hash' to write atlas.sum");
        }
        requireRegularFile(sum, "checksum file");
        try {
            return Files.readAllBytes(sum);
        } catch (IOException e) {
            throw DirectoryAccessException.of("read the checksum file", sum, e);
        }
    }

    /** A symbolic link that leads nowhere, or anything that is not a file, cannot hold a migration. */
    private static void requireRegularFile(Path entry, String role) throws DirectoryAccessException {
        if (Files.isRegularFile(entry)) {
            return;
        }
        if (Files.isSymbolicLink(entry)) {
            try {
                entry.toRealPath();
            } catch (IOException e) {
                String target = linkTarget(entry);
                boolean loop = e instanceof FileSystemException fs && fs.getReason() != null
                        && fs.getReason().contains("levels of symbolic links");
                throw new DirectoryAccessException("the " + role + " " + entry + " is a symbolic link "
                        + (loop ? "that loops (" + target + ")" : "to " + target + ", which does not exist"),
                        "point the link at an existing file, or remove it");
            }
        }
        throw new DirectoryAccessException("the " + role + " " + entry + " is not a regular file",
                "replace it with a regular file, or rename it so that it does not end in .sql");
    }

    private static String linkTarget(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "?";
        }
    }

    public Path path() {
        return path;
    }

    public Path sumPath() {
        return path.resolve(SUM_FILE);
    }

    /** All migration files in Atlas's order (byte order of names). */
    public List<MigrationFile> files() {
        return files;
    }

    /** The bytes of atlas.sum, if the directory has one. */
    public Optional<byte[]> sum() {
        return Optional.ofNullable(sum);
    }

    public Path pathOf(MigrationFile file) {
        return path.resolve(file.name());
    }

    /** The last file with this version (Atlas resolves duplicate versions to the last one), if any. */
    public Optional<MigrationFile> lastWithVersion(String version) {
        for (int i = files.size() - 1; i >= 0; i--) {
            if (files.get(i).version().equals(version)) {
                return Optional.of(files.get(i));
            }
        }
        return Optional.empty();
    }
}
