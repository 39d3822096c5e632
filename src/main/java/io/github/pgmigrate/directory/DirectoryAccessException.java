package io.github.pgmigrate.directory;

import io.github.pgmigrate.PgMigrateException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * The migration directory, a file in it or its atlas.sum cannot be read or written: the message names the path and
 * what the file system said, in words.
 */
public final class DirectoryAccessException extends PgMigrateException {

    public DirectoryAccessException(String message, String hint) {
        super(message, hint);
    }

    public DirectoryAccessException(String message, String hint, Throwable cause) {
        super(message, hint, cause);
    }

    /** A failed read or write of {@code path}, as {@code "cannot <action> <path>: <reason>"}. */
    public static DirectoryAccessException of(String action, Path path, IOException e) {
        return new DirectoryAccessException("cannot " + action + " " + path + ": " + reason(e), hintFor(e), e);
    }

    /** What went wrong, without the exception's class name. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "it does not exist";
        }
        if (e instanceof NotDirectoryException) {
            return "it is not a directory";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "it already exists";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        return String.valueOf(e.getMessage());
    }

    private static String hintFor(IOException e) {
        if (e instanceof AccessDeniedException || (e instanceof FileSystemException fs
                && fs.getReason() != null && fs.getReason().contains("not permitted"))) {
            return "give the build user access to it (check its owner and mode, e.g. ls -l)";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null && fs.getReason().contains("Read-only")) {
            return "the file system is mounted read-only: run the goal where the directory is writable";
        }
        return null;
    }
}
