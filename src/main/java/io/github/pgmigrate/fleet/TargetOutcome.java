package io.github.pgmigrate.fleet;

import java.time.Duration;

/**
 * How one target of a fleet run ended.
 *
 * @param target  the target's name
 * @param result  what happened
 * @param from    the version before the run (null: none applied, or unknown)
 * @param to      the version after it (null: none applied, or unknown)
 * @param files   files the run applied (or found pending, for status)
 * @param elapsed how long the target took
 * @param message the error, or a one-line summary
 */
public record TargetOutcome(String target, Result result, String from, String to, int files, Duration elapsed,
                            String message) {

    public enum Result {
        /** The work succeeded. */
        OK,
        /** The work succeeded and found something to report (status: pending or changed files). */
        ATTENTION,
        /** The work failed; the message says why. */
        FAILED,
        /** Not started, because an earlier target failed with failFast. */
        NOT_RUN
    }

    public static TargetOutcome notRun(String target) {
        return new TargetOutcome(target, Result.NOT_RUN, null, null, 0, Duration.ZERO,
                "not started: an earlier target failed and failFast is set");
    }

    public boolean failed() {
        return result == Result.FAILED;
    }
}
