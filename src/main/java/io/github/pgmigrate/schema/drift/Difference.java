package io.github.pgmigrate.schema.drift;

/**
 * One way two schemas differ.
 *
 * @param object   the object, e.g. {@code table public.users / column email}
 * @param what     the field that differs, or {@code exists} when the object is on one side only
 * @param live     the live database's side ({@code (missing)} when absent)
 * @param expected the side the migrations create ({@code (missing)} when absent)
 */
public record Difference(String object, String what, String live, String expected) {

    @Override
    public String toString() {
        return object + ": " + what + ": live " + live + ", migrations " + expected;
    }
}
