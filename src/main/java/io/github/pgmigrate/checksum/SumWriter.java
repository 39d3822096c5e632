package io.github.pgmigrate.checksum;

import io.github.pgmigrate.directory.DirectoryAccessException;
import io.github.pgmigrate.directory.MigrationDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/** Writes atlas.sum for a directory, as {@code atlas migrate hash} does. */
public final class SumWriter {
    private SumWriter() {
    }

    /** Writes atlas.sum if its content changes; returns whether it did. The write is atomic. */
    public static boolean write(MigrationDirectory directory) throws DirectoryAccessException {
        byte[] content = SumFile.compute(directory.files()).format();
        if (directory.sum().map(existing -> Arrays.equals(existing, content)).orElse(false)) {
            return false;
        }
        Path target = directory.sumPath();
        Path temporary = null;
        try {
            temporary = Files.createTempFile(directory.path(), ".atlas.sum", ".tmp");
            Files.write(temporary, content);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw DirectoryAccessException.of("write", target, e);
        } finally {
            deleteQuietly(temporary);
        }
        return true;
    }

    private static void deleteQuietly(Path temporary) {
        try {
            if (temporary != null) {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            // the write itself succeeded or already failed with the message that matters
        }
    }
}
