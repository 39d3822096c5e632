package io.github.pgmigrate.directory;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
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

    /** Reads a directory; a directory that does not exist is reported as such. */
    public static MigrationDirectory load(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            throw new NoSuchFileException(path.toString(), null, "not a directory");
        }
        List<MigrationFile> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(path, "*.sql")) {
            for (Path entry : entries) {
                if (Files.isRegularFile(entry)) {
                    files.add(MigrationFile.read(entry));
                }
            }
        }
        Path sumPath = path.resolve(SUM_FILE);
        byte[] sum = Files.isRegularFile(sumPath) ? Files.readAllBytes(sumPath) : null;
        return new MigrationDirectory(path, files, sum);
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
