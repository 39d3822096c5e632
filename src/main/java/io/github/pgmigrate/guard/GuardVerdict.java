package io.github.pgmigrate.guard;

/**
 * The guard's answer.
 *
 * @param outcome  allowed, ask the user (interactive runs only), or refused
 * @param message  allowed: why (for the log); ask: the question; refused: what refused it, naming the guard
 * @param hint     refused: how to pass the guard; otherwise null
 */
public record GuardVerdict(Outcome outcome, String message, String hint) {

    public enum Outcome {
        ALLOWED, ASK, REFUSED
    }

    static GuardVerdict allowed(String why) {
        return new GuardVerdict(Outcome.ALLOWED, why, null);
    }

    static GuardVerdict ask(String question) {
        return new GuardVerdict(Outcome.ASK, question, null);
    }

    static GuardVerdict refused(String why, String hint) {
        return new GuardVerdict(Outcome.REFUSED, why, hint);
    }

    public boolean allowed() {
        return outcome == Outcome.ALLOWED;
    }

    public boolean asks() {
        return outcome == Outcome.ASK;
    }

    /** Throws the refusal; does nothing when allowed. */
    public void enforce() throws GuardRefusedException {
        if (outcome != Outcome.ALLOWED) {
            throw new GuardRefusedException(outcome == Outcome.ASK ? "no confirmation was given: " + message
                    : message, hint);
        }
    }
}
