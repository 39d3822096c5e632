package io.github.pgmigrate.lint;

import io.github.pgmigrate.PgMigrateException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The migration files changed since a base revision in the working tree, committed or not: from
 * {@code git diff --name-status --no-renames <base> -- <dir>} (Atlas diffs {@code <base> HEAD} with
 * {@code --diff-filter=A}, which misses files not yet committed; the other statuses let pgmigrate report edited
 * history) plus {@code git ls-files --others --exclude-standard -- <dir>} for files git does not track yet.
 *
 * @param added    base names of files added since the base
 * @param modified base names of files that existed on the base and were changed
 * @param deleted  base names of files that existed on the base and are gone
 */
public record GitChanges(List<String> added, List<String> modified, List<String> deleted) {
    private static final long TIMEOUT_SECONDS = 60;

    public GitChanges {
        added = List.copyOf(added);
        modified = List.copyOf(modified);
        deleted = List.copyOf(deleted);
    }

    public static GitChanges since(String base, Path gitDir, Path migrationDir) throws PgMigrateException {
        String dir = migrationDir.toAbsolutePath().toString();
        String output = run(List.of("git", "-C", gitDir.toString(), "--no-pager", "diff", "--name-status",
                "--no-renames", base, "--", dir), base);
        String untracked = run(List.of("git", "-C", gitDir.toString(), "ls-files", "--others", "--exclude-standard",
                "--", dir), base);
        List<String> added = new ArrayList<>();
        for (String path : untracked.split("\n")) {
            if (!path.isBlank()) {
                added.add(path.substring(path.lastIndexOf('/') + 1));
            }
        }
        List<String> modified = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        for (String line : output.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab < 1) {
                continue;
            }
            String path = line.substring(tab + 1);
            String name = path.substring(path.lastIndexOf('/') + 1);
            switch (line.charAt(0)) {
                case 'A' -> added.add(name);
                case 'D' -> deleted.add(name);
                default -> modified.add(name);
            }
        }
        return new GitChanges(added, modified, deleted);
    }

    private static String run(List<String> command, String base) throws PgMigrateException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(false).start();
        } catch (IOException e) {
            throw new PgMigrateException("cannot run git to find the migrations changed since " + base + ": " + e.getMessage(),
                    "install git, or lint without gitBase (all files, or latest=N)");
        }
        try {
            byte[] stdout = readAll(process.getInputStream());
            byte[] stderr = readAll(process.getErrorStream());
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new PgMigrateException("git diff against " + base + " did not finish within " + TIMEOUT_SECONDS + "s", null);
            }
            if (process.exitValue() != 0) {
                throw new PgMigrateException("git diff against " + base + " failed: "
                        + new String(stderr, StandardCharsets.UTF_8).strip(),
                        "make sure the base revision exists locally (in CI: git fetch origin main, or actions/checkout with fetch-depth: 0)");
            }
            return new String(stdout, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PgMigrateException("cannot read git's output: " + e.getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PgMigrateException("interrupted while running git", null);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }
}
