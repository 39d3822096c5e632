package io.github.pgmigrate.directory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * Creates a new, empty migration file named as {@code atlas migrate new} and {@code supabase migration new} name them:
 * {@code <UTC yyyyMMddHHmmss>_<name>.sql}.
 */
public final class NewMigration {
    private static final DateTimeFormatter VERSION = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneOffset.UTC);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");

    private NewMigration() {
    }

    /**
     * Creates the file (and the directory if needed).
     *
     * @param version an explicit version, or null for the current UTC time
     * @return the created file
     */
    public static Path create(Path directory, String name, String version, Clock clock)
            throws IOException, InvalidMigrationNameException {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidMigrationNameException("invalid migration name \"" + (name == null ? "" : name) + "\"",
                    "pass -Dpgmigrate.name=add_users: letters, digits, '_', '.' and '-', starting with a letter"
                            + " or digit");
        }
        String chosenVersion = version != null && !version.isBlank() ? version : VERSION.format(clock.instant());
        if (chosenVersion.contains("_") || chosenVersion.contains("/")) {
            throw new InvalidMigrationNameException("invalid version \"" + chosenVersion + "\"",
                    "a version cannot contain '_' or '/'; timestamps like 20250101120000 are the convention");
        }
        Files.createDirectories(directory);
        String fileName = chosenVersion + "_" + name + ".sql";
        try (var existing = Files.newDirectoryStream(directory, chosenVersion + "_*.sql")) {
            for (Path other : existing) {
                throw new FileAlreadyExistsException(other.toString(), null,
                        "a migration with version " + chosenVersion + " already exists");
            }
        }
        Path file = directory.resolve(fileName);
        String header = "-- " + name.replace('_', ' ') + "\n";
        Files.writeString(file, header, StandardCharsets.UTF_8);
        return file;
    }
}
