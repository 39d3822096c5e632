package io.github.pgmigrate.directory;

/**
 * The version and description Atlas reads from a file name: the version is everything before the first {@code _}
 * (with {@code .sql} trimmed), the description everything after it.
 */
public record MigrationName(String fileName, String version, String description) {

    public static MigrationName of(String fileName) {
        String base = fileName.endsWith(".sql") ? fileName.substring(0, fileName.length() - 4) : fileName;
        int underscore = base.indexOf('_');
        if (underscore < 0) {
            return new MigrationName(fileName, base, "");
        }
        return new MigrationName(fileName, base.substring(0, underscore), base.substring(underscore + 1));
    }
}
