package io.github.pgmigrate.directory;

import io.github.pgmigrate.PgMigrateException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Gives every file of a directory a version of its own without changing the order Atlas runs them in. Teams that
 * name files {@code YYYYMMDD_name.sql} end up with several files of one version; each such group gets 14-digit
 * versions: the old version padded with zeros, then counted up in file order ({@code 20251019} becomes
 * {@code 20251019000000}, {@code 20251019000001}, …). A group that is already 14 digits long keeps its first file.
 */
public final class Renumbering {
    private static final int WIDTH = 14;
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1," + WIDTH + "}");

    private Renumbering() {
    }

    /** The renames, in file order; empty when every version is already unique. Nothing is touched. */
    public static List<Renaming> plan(MigrationDirectory directory) throws PgMigrateException {
        Map<String, List<MigrationFile>> byVersion = new LinkedHashMap<>();
        for (MigrationFile file : directory.files()) {
            byVersion.computeIfAbsent(file.version(), v -> new ArrayList<>()).add(file);
        }
        List<Renaming> renamings = new ArrayList<>();
        for (Map.Entry<String, List<MigrationFile>> group : byVersion.entrySet()) {
            if (group.getValue().size() > 1) {
                renamings.addAll(renumber(group.getKey(), group.getValue()));
            }
        }
        requireOrderAndUniqueness(directory.files(), renamings);
        return List.copyOf(renamings);
    }

    private static List<Renaming> renumber(String version, List<MigrationFile> files) throws PgMigrateException {
        if (!DIGITS.matcher(version).matches()) {
            throw new PgMigrateException("version " + version + " is used by " + names(files)
                    + ", and only numeric versions of up to " + WIDTH + " digits can be renumbered",
                    "rename these files by hand so that each has a version of its own, then run pgmigrate:hash");
        }
        BigInteger base = new BigInteger(version + "0".repeat(WIDTH - version.length()));
        List<Renaming> renamings = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            MigrationFile file = files.get(i);
            String newVersion = String.format("%0" + WIDTH + "d", base.add(BigInteger.valueOf(i)));
            if (newVersion.length() > WIDTH) {
                throw new PgMigrateException("version " + version + " has too many files to number within "
                        + WIDTH + " digits", "rename these files by hand: " + names(files));
            }
            String newName = newVersion + (file.description().isEmpty() && !file.name().contains("_")
                    ? "" : "_" + file.description()) + ".sql";
            if (!newName.equals(file.name())) {
                renamings.add(new Renaming(file.name(), newName));
            }
        }
        return renamings;
    }

    /** A new name must not take another file's version, nor move any file past another. */
    private static void requireOrderAndUniqueness(List<MigrationFile> files, List<Renaming> renamings)
            throws PgMigrateException {
        Map<String, String> newNames = new LinkedHashMap<>();
        renamings.forEach(r -> newNames.put(r.from(), r.to()));
        List<String> after = new ArrayList<>();
        Map<String, String> byVersion = new HashMap<>();
        for (MigrationFile file : files) {
            String name = newNames.getOrDefault(file.name(), file.name());
            String other = byVersion.putIfAbsent(MigrationName.of(name).version(), name);
            if (other != null) {
                throw new PgMigrateException("renumbering would give " + other + " and " + name + " the same version",
                        "rename the files of that version by hand, then run pgmigrate:hash");
            }
            after.add(name);
        }
        for (int i = 1; i < after.size(); i++) {
            if (ByteOrder.compare(after.get(i - 1), after.get(i)) >= 0) {
                throw new PgMigrateException("renumbering would change the order of " + after.get(i - 1) + " and "
                        + after.get(i), "rename these files by hand so that their names sort in the order they must"
                        + " run, then run pgmigrate:hash");
            }
        }
    }

    /**
     * The {@code set} versions that bring a database's history in line after the renames, in the order to run them:
     * the last new version of each renumbered group. A history row stands for its whole group, and {@code set} only
     * records files above the history it keeps, so each group needs its own step.
     */
    public static List<String> setSequence(List<Renaming> renamings) {
        Map<String, String> lastOfGroup = new LinkedHashMap<>();
        for (Renaming renaming : renamings) {
            lastOfGroup.put(MigrationName.of(renaming.from()).version(), renaming.newVersion());
        }
        return List.copyOf(lastOfGroup.values());
    }

    /**
     * Renames the files. A failure undoes the renames already made, so the directory is either renumbered or as it
     * was; atlas.sum is the caller's to rewrite.
     */
    public static void apply(Path directory, List<Renaming> renamings) throws DirectoryAccessException {
        List<Renaming> done = new ArrayList<>();
        for (Renaming renaming : renamings) {
            Path from = directory.resolve(renaming.from());
            Path to = directory.resolve(renaming.to());
            try {
                if (Files.exists(to)) {
                    throw new FileAlreadyExistsException(to.toString());
                }
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
                done.add(renaming);
            } catch (IOException e) {
                undo(directory, done);
                throw DirectoryAccessException.of("rename " + from + " to", to, e);
            }
        }
    }

    private static void undo(Path directory, List<Renaming> done) {
        for (int i = done.size() - 1; i >= 0; i--) {
            try {
                Files.move(directory.resolve(done.get(i).to()), directory.resolve(done.get(i).from()),
                        StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException ignored) {
                // The first failure is what the user must see; a rename back that fails leaves the new name.
            }
        }
    }

    private static String names(List<MigrationFile> files) {
        return String.join(", ", files.stream().map(MigrationFile::name).toList());
    }
}
