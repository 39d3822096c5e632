package io.github.pgmigrate.lint;

import io.github.pgmigrate.config.ConfigurationException;
import java.nio.file.Path;

/** Which migration files a lint run looks at. */
public sealed interface LintScope {

    /**
     * The scope the {@code latest} and {@code gitBase} parameters ask for: at most one of them, every file when neither.
     *
     * @param gitDir where git runs for {@code gitBase}
     */
    static LintScope of(Integer latest, String gitBase, Path gitDir) throws ConfigurationException {
        boolean hasGitBase = gitBase != null && !gitBase.isBlank();
        if (latest != null && hasGitBase) {
            throw new ConfigurationException("latest and gitBase are mutually exclusive",
                    "choose one: -Dpgmigrate.lint.latest=N or -Dpgmigrate.lint.gitBase=origin/main");
        }
        if (latest != null) {
            if (latest < 1) {
                throw new ConfigurationException("latest", latest.toString(), "is less than 1",
                        "omit it to lint every file");
            }
            return new Latest(latest);
        }
        return hasGitBase ? new GitBase(gitBase.trim(), gitDir) : new All();
    }

    /** The files this scope selects, for the log: {@code the last 2 file(s)}. */
    String describe();

    /** Every file of the directory. */
    record All() implements LintScope {
        @Override
        public String describe() {
            return "every file";
        }
    }

    /** The last {@code count} files (checkpoints included), as Atlas's {@code --latest N}. */
    record Latest(int count) implements LintScope {
        public Latest {
            if (count < 1) {
                throw new IllegalArgumentException("latest must be at least 1, got " + count);
            }
        }

        @Override
        public String describe() {
            return "the last " + count + " file(s)";
        }
    }

    /**
     * The files a branch adds on top of {@code base}, as Atlas's {@code --git-base} but against the working tree: the
     * first directory file that is new since the base (committed, staged, changed or untracked), and every file after
     * it. Files that existed on the base and were changed or deleted since are findings of their own.
     *
     * @param base   the git revision to compare with, e.g. {@code origin/main}
     * @param gitDir the directory git runs in (inside the repository)
     */
    record GitBase(String base, Path gitDir) implements LintScope {
        @Override
        public String describe() {
            return "the files new since " + base + " (committed or not) and those after them";
        }
    }
}
