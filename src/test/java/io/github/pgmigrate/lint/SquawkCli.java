package io.github.pgmigrate.lint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The Squawk command line (npm package {@code squawk-cli}), run as a peer of the linter. Found, in this order, at
 * {@code -Dpgmigrate.squawk=…}, the environment variable {@code SQUAWK}, under {@code bench/lint-parity/node_modules} (what
 * {@code .ci/squawk.sh} installs: the platform binary, else the npm wrapper) or {@code squawk} on the PATH; missing, it
 * is an error, never a skip.
 */
final class SquawkCli {
    /** One Squawk finding, with 1-based lines as pgmigrate counts them. */
    record SquawkFinding(Path file, String rule, int line, int endLine) {
    }

    private final Path executable;

    private SquawkCli(Path executable) {
        this.executable = executable;
    }

    static SquawkCli locate(Path root) {
        List<Path> candidates = new ArrayList<>();
        String property = System.getProperty("pgmigrate.squawk");
        if (property != null && !property.isBlank()) {
            candidates.add(Path.of(property));
        }
        String env = System.getenv("SQUAWK");
        if (env != null && !env.isBlank()) {
            candidates.add(Path.of(env));
        }
        // The platform binary itself when npm installed one: the .bin entry is a Node.js wrapper that starts Node first.
        Path platforms = root.resolve("bench/lint-parity/node_modules/@squawk-cli");
        if (Files.isDirectory(platforms)) {
            try (java.util.stream.Stream<Path> list = Files.list(platforms)) {
                list.sorted().map(p -> p.resolve("bin/squawk")).forEach(candidates::add);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        candidates.add(root.resolve("bench/lint-parity/node_modules/.bin/squawk"));
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty()) {
                candidates.add(Path.of(dir, "squawk"));
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst().map(SquawkCli::new)
                .orElseThrow(() -> new IllegalStateException("Squawk is not installed, so the parity check cannot run."
                        + " Install it with `bash .ci/squawk.sh` (npm install into bench/lint-parity), or pass"
                        + " -Dpgmigrate.squawk=/path/to/squawk. Looked at: " + candidates.subList(0, Math.min(3, candidates.size()))));
    }

    /** {@code squawk --version}, e.g. {@code 2.66.0}. */
    String version() throws IOException, InterruptedException {
        String out = run(List.of(executable.toString(), "--version")).trim();
        return out.startsWith("squawk ") ? out.substring("squawk ".length()) : out;
    }

    /**
     * Squawk's findings on the files, linted for PostgreSQL {@code pgMajor} with every file assumed to run in a
     * transaction (as Atlas and pgmigrate run a file by default).
     */
    /** Squawk's findings, and the files Squawk itself failed on (a parser panic), which are left out. */
    record Run(List<SquawkFinding> findings, List<Path> failed) {
    }

    /** Lints the files in one run; when Squawk fails on the batch, file by file to find the ones it cannot read. */
    Run lintEach(List<Path> files, int pgMajor) throws IOException, InterruptedException {
        try {
            return new Run(lint(files, pgMajor), List.of());
        } catch (IOException batchFailed) {
            List<SquawkFinding> findings = new ArrayList<>();
            List<Path> failed = new ArrayList<>();
            for (Path file : files) {
                try {
                    findings.addAll(lint(List.of(file), pgMajor));
                } catch (IOException e) {
                    failed.add(file);
                }
            }
            return new Run(findings, failed);
        }
    }

    List<SquawkFinding> lint(List<Path> files, int pgMajor) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--reporter", "json",
                "--pg-version", pgMajor + ".0", "--assume-in-transaction"));
        files.forEach(f -> command.add(f.toAbsolutePath().toString()));
        JsonNode findings = new ObjectMapper().readTree(run(command));
        List<SquawkFinding> result = new ArrayList<>();
        for (JsonNode f : findings) {
            result.add(new SquawkFinding(Path.of(f.get("file").asText()), f.get("rule_name").asText(),
                    f.get("line").asInt() + 1, f.get("line_end").asInt() + 1));
        }
        return result;
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        // Squawk's own panics go to its standard error, which is dropped: a failed run is reported by its exit code.
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = process.getInputStream().readAllBytes();
        int exit = process.waitFor();
        // Squawk exits 1 when it found something; anything else without output is a failure to run.
        if (exit > 1 || (exit != 0 && out.length == 0)) {
            throw new IOException(String.join(" ", command.subList(0, Math.min(command.size(), 6))) + " … exited with " + exit);
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
