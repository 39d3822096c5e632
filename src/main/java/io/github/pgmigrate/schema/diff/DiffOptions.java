package io.github.pgmigrate.schema.diff;

/**
 * How a plan is written.
 *
 * @param online  on tables that already exist: indexes CONCURRENTLY, foreign keys and checks NOT VALID then
 *                VALIDATE, SET NOT NULL through a validated check; off for a script that builds an empty database
 * @param owners  compare and set owners ({@code ALTER … OWNER TO}); off when both sides are built by the same role
 *                anyway or the owning roles differ between environments
 */
public record DiffOptions(boolean online, boolean owners) {
    public static final DiffOptions DEFAULT = new DiffOptions(true, true);
    /** Online, owners ignored: one side was built by a dev database's user (diff, drift). */
    public static final DiffOptions WITHOUT_OWNERS = new DiffOptions(true, false);
}
