package io.github.pgmigrate.schema.diff;

/**
 * A change in a plan that loses data or may fail on existing rows; plans with hazards run only when the caller
 * allows destructive changes.
 *
 * @param object what is affected, e.g. {@code column app.users.nickname}
 * @param loss   what is lost or may fail
 */
public record Hazard(String object, String loss) {

    @Override
    public String toString() {
        return object + ": " + loss;
    }
}
