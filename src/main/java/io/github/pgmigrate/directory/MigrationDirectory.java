package io.github.pgmigrate.directory;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.FileSystemException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
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
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(path, "*.sql")) {
            listing.forEach(entries::add);
        } catch (IOException | DirectoryIteratorException e) {
            IOException cause = e instanceof DirectoryIteratorException d ? d.getCause() : (IOException) e;
            throw DirectoryAccessException.of("list the migration directory", path, cause);
        }
        // Files are read in parallel: a large directory spends its time in system calls, one file at a time.
        List<Entry> read = entries.parallelStream().map(Entry::read).toList();
        List<MigrationFile> files = new ArrayList<>(read.size());
        for (Entry entry : read) {
            if (entry.failure() != null) {
                throw entry.failure();
            }
            if (entry.file() != null) {
                files.add(entry.file());
            }
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

    /** A directory entry named *.sql: a migration file, a sub-directory (no file, no failure), or why it is neither. */
    private record Entry(MigrationFile file, DirectoryAccessException failure) {
        static Entry read(Path path) {
            try {
                // One stat, following links, decides: a directory is skipped, a regular file is read.
                BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
                if (attributes.isDirectory()) {
                    return new Entry(null, null);
                }
                if (!attributes.isRegularFile()) {
                    requireRegularFile(path, "migration file");
                }
                return new Entry(MigrationFile.read(path), null);
            } catch (DirectoryAccessException e) {
                return new Entry(null, e);
            } catch (IOException e) {
                try {
                    requireRegularFile(path, "migration file");
                } catch (DirectoryAccessException notAFile) {
                    return new Entry(null, notAFile);
                }
                return new Entry(null, DirectoryAccessException.of("read the migration file", path, e));
            }
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
