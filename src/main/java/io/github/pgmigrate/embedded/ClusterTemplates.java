package io.github.pgmigrate.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Freshly initialised data directories ({@code initdb} output), kept per binaries archive so that initdb runs once per
 * PostgreSQL build per machine. A server never runs on a template: it gets a copy. A template is published by an
 * atomic rename of a complete copy, so two builds starting at once both succeed (one of the two copies wins) and no
 * build sees half a template. Templates of other versions of the same binaries and major are deleted when a new one
 * is published.
 *
 * <p>Layout: {@code <root>/<archive name without version>-<major>/<version>-<archive size>/template}.
 */
public final class ClusterTemplates {
    /** {@code -Dpgmigrate.embeddedCache=DIR} moves the cache; {@code none} turns it off. */
    public static final String PROPERTY = "pgmigrate.embeddedCache";

    private static final Pattern VERSIONED = Pattern.compile("(.+)-(\\d+)\\.(\\d+(?:\\.\\d+)*)\\.(jar|txz)");
    private static final List<String> NOT_COPIED = List.of("epg-lock", "postmaster.pid", "postmaster.opts");

    private final Path root;

    private ClusterTemplates(Path root) {
        this.root = root;
    }

    /** Templates under a folder of one's choice. */
    public static ClusterTemplates at(Path root) {
        return new ClusterTemplates(root);
    }

    /**
     * The cache of this machine: {@code -Dpgmigrate.embeddedCache} when set (empty when it says {@code none}), else
     * {@code $XDG_CACHE_HOME/pgmigrate/embedded}, else {@code ~/.cache/pgmigrate/embedded}.
     */
    public static Optional<ClusterTemplates> configured(String property) {
        if (property != null && !property.isBlank()) {
            return property.strip().equals("none") ? Optional.empty()
                    : Optional.of(at(Path.of(property.strip())));
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return Optional.of(at(base.resolve("pgmigrate").resolve("embedded")));
    }

    public Path root() {
        return root;
    }

    /** Where the template of these binaries lives (it may not exist yet). */
    public Path templateOf(BinariesArchive binaries) throws IOException {
        return versionDirectory(binaries).resolve("template");
    }

    /**
     * Copies the template of these binaries into {@code dataDirectory}.
     *
     * @return false when there is no template yet, or it was incomplete and is now deleted (nothing was copied)
     */
    public boolean copyTemplate(BinariesArchive binaries, Path dataDirectory) throws IOException {
        Path template = templateOf(binaries);
        if (!Files.isDirectory(template)) {
            return false;
        }
        if (!isComplete(template, binaries)) {
            discard(binaries);
            return false;
        }
        copyTree(template, dataDirectory);
        return true;
    }

    /** Whether the template has a control file and the PG_VERSION of the binaries' major (when the name tells it). */
    private static boolean isComplete(Path template, BinariesArchive binaries) throws IOException {
        Path version = template.resolve("PG_VERSION");
        if (!Files.isRegularFile(version) || !Files.isRegularFile(template.resolve("global").resolve("pg_control"))) {
            return false;
        }
        Matcher versioned = VERSIONED.matcher(binaries.path().getFileName().toString());
        return !versioned.matches() || Files.readString(version).strip().equals(versioned.group(2));
    }

    /** Publishes a just-initialised data directory (before any server ran on it) as the template of these binaries. */
    public void publish(BinariesArchive binaries, Path initialised) throws IOException {
        Path version = versionDirectory(binaries);
        Files.createDirectories(version);
        Path staging = version.resolve("staging-" + UUID.randomUUID());
        copyTree(initialised, staging);
        Path template = version.resolve("template");
        try {
            Files.move(staging, template, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteTree(staging);
            if (!Files.isDirectory(template)) {
                throw e;
            }
            // another build published the same initdb output first
        }
        deleteOtherVersions(version);
    }

    /** Deletes a template that did not start, so that the next start builds a new one. */
    public void discard(BinariesArchive binaries) throws IOException {
        Path template = templateOf(binaries);
        Path doomed = template.resolveSibling("discarded-" + UUID.randomUUID());
        try {
            Files.move(template, doomed, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException gone) {
            return;
        }
        deleteTree(doomed);
    }

    private Path versionDirectory(BinariesArchive binaries) throws IOException {
        String name = binaries.path().getFileName().toString();
        long size = Files.size(binaries.path());
        Matcher versioned = VERSIONED.matcher(name);
        if (versioned.matches()) {
            return root.resolve(versioned.group(1) + "-" + versioned.group(2))
                    .resolve(versioned.group(2) + "." + versioned.group(3) + "-" + size);
        }
        return root.resolve(name).resolve(size + "");
    }

    private static void deleteOtherVersions(Path current) {
        try (Stream<Path> siblings = Files.list(current.getParent())) {
            for (Path sibling : siblings.filter(p -> !p.equals(current)).toList()) {
                deleteTree(sibling);
            }
        } catch (IOException e) {
            // a concurrent build may be deleting them too; the next publication tries again
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> entries = Files.list(from)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (NOT_COPIED.contains(name)) {
                    continue;
                }
                Path target = to.resolve(name);
                if (Files.isDirectory(entry)) {
                    copyTree(entry, target);
                } else {
                    Files.copy(entry, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
    }

    static void deleteTree(Path path) {
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // best effort: what is left is a stale folder the next publication or the OS removes
        }
    }
}
