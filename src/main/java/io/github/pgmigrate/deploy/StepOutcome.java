package io.github.pgmigrate.deploy;

/**
 * How one step of a deploy ended.
 *
 * @param step   the step
 * @param result passed, failed, or not run (an earlier step stopped the deploy)
 * @param detail what it found or why it failed
 */
public record StepOutcome(DeployStep step, Result result, String detail) {

    public enum Result {
        PASSED, FAILED, NOT_RUN
    }
}
