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
 * The migration files a branch changed since a base revision, from
 * {@code git diff --name-status --no-renames <base> HEAD -- <dir>} (Atlas runs the same diff with
 * {@code --diff-filter=A}; the other statuses let pgmigrate report edited history).
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
        List<String> command = List.of("git", "-C", gitDir.toString(), "--no-pager", "diff", "--name-status",
                "--no-renames", base, "HEAD", "--", migrationDir.toAbsolutePath().toString());
        String output = run(command, base);
        List<String> added = new ArrayList<>();
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
