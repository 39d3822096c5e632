package io.github.pgmigrate.testing;

import io.github.pgmigrate.checksum.SumFile;
import io.github.pgmigrate.directory.DirectoryAccessException;
import io.github.pgmigrate.directory.MigrationDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes migration directories for tests: files plus a matching atlas.sum. */
public final class MigrationDirs {
    private MigrationDirs() {
    }

    /** Writes the files (name, content, name, content, …) and re-hashes atlas.sum; returns the loaded directory. */
    public static MigrationDirectory write(Path dir, String... namesAndContents) {
        try {
            Files.createDirectories(dir);
            for (int i = 0; i < namesAndContents.length; i += 2) {
                Files.writeString(dir.resolve(namesAndContents[i]), namesAndContents[i + 1], StandardCharsets.UTF_8);
            }
            return rehash(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Recomputes atlas.sum from the files, as {@code atlas migrate hash} does. */
    public static MigrationDirectory rehash(Path dir) {
        try {
            MigrationDirectory loaded = MigrationDirectory.load(dir);
            Files.write(dir.resolve(MigrationDirectory.SUM_FILE), SumFile.compute(loaded.files()).format());
            return MigrationDirectory.load(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DirectoryAccessException e) {
            throw new IllegalStateException(e.describe(), e);
        }
    }

    /** Changes a file without touching atlas.sum. */
    public static MigrationDirectory edit(Path dir, String name, String content) {
        try {
            Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
            return MigrationDirectory.load(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DirectoryAccessException e) {
            throw new IllegalStateException(e.describe(), e);
        }
    }
}
