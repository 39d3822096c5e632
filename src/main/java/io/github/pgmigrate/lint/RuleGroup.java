package io.github.pgmigrate.lint;

/**
 * A family of lint rules. {@link FileLinter} shows every group each statement of a file in order, then calls
 * {@link #finish}; a group reports only the rules that name it ({@link Rule#emittedBy()}).
 */
interface RuleGroup {

    /** Looks at one statement; {@code state} holds what the earlier statements of the file created. */
    void check(StatementView s, MigrationState state, FindingSink out);

    /** After the file's last statement, for findings about the file as a whole. */
    default void finish(FindingSink out) {
    }
}
