package io.github.pgmigrate.schema.model;

/**
 * A user trigger on a table or view (internal and partition-cloned triggers are not part of the model).
 *
 * @param definition {@code pg_get_triggerdef}
 * @param enabled    {@code O} (origin, the default), {@code D} disabled, {@code R} replica, {@code A} always
 */
public record Trigger(String name, String definition, String enabled, String comment) {
}
