package io.github.pgmigrate.directory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
            throws DirectoryAccessException, InvalidMigrationNameException {
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
        String fileName = chosenVersion + "_" + name + ".sql";
        Path file = directory.resolve(fileName);
        try {
            Files.createDirectories(directory);
            try (var existing = Files.newDirectoryStream(directory, chosenVersion + "_*.sql")) {
                for (Path other : existing) {
                    throw new InvalidMigrationNameException("a migration with version " + chosenVersion
                            + " already exists: " + other, "choose another version with -Dpgmigrate.version, or"
                            + " leave it out to use the current UTC time");
                }
            }
            String header = "-- " + name.replace('_', ' ') + "\n";
            Files.writeString(file, header, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw DirectoryAccessException.of("create", file, e);
        }
        return file;
    }
}
