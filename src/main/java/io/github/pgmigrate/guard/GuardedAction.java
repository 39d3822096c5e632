package io.github.pgmigrate.guard;

/** A goal that the production guard stands in front of. */
public enum GuardedAction {
    /** Drops every object in the managed scope and the history. */
    CLEAN("clean", true),
    /** Clean, then apply (and seed). */
    RESET("reset", true),
    /** The production run: applies the pending migrations after the checks. */
    DEPLOY("deploy", false);

    private final String goal;
    private final boolean wipes;

    GuardedAction(String goal, boolean wipes) {
        this.goal = goal;
        this.wipes = wipes;
    }

    public String goal() {
        return goal;
    }

    /** Whether the goal drops what the database holds: never allowed on a protected environment. */
    public boolean wipes() {
        return wipes;
    }
}
