package io.github.pgmigrate.lint;

/** Which migration files a lint run looks at. */
public sealed interface LintScope {

    /** Every file of the directory. */
    record All() implements LintScope {
    }

    /** The last {@code count} files (checkpoints included), as Atlas's {@code --latest N}. */
    record Latest(int count) implements LintScope {
        public Latest {
            if (count < 1) {
                throw new IllegalArgumentException("latest must be at least 1, got " + count);
            }
        }
    }

    /**
     * The files a branch adds on top of {@code base}, as Atlas's {@code --git-base}: the first directory file that git
     * reports as added since the base, and every file after it. Files that existed on the base and were changed or
     * deleted since are findings of their own.
     *
     * @param base   the git revision to compare with, e.g. {@code origin/main}
     * @param gitDir the directory git runs in (inside the repository)
     */
    record GitBase(String base, java.nio.file.Path gitDir) implements LintScope {
    }
}
