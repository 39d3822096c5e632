package io.github.pgmigrate.schema.model;

/**
 * One privilege held by a role other than the object's owner.
 *
 * @param grantee   a role name, or {@code PUBLIC}
 * @param privilege e.g. {@code SELECT}, {@code USAGE}, {@code EXECUTE}
 * @param grantable WITH GRANT OPTION
 */
public record Grant(String grantee, String privilege, boolean grantable) implements Comparable<Grant> {
    public static final String PUBLIC = "PUBLIC";

    @Override
    public int compareTo(Grant other) {
        int byGrantee = grantee.compareTo(other.grantee);
        return byGrantee != 0 ? byGrantee : privilege.compareTo(other.privilege);
    }

    /** As drift and the logs show it: {@code USAGE to PUBLIC}, {@code SELECT to app WITH GRANT OPTION}. */
    @Override
    public String toString() {
        return privilege + " to " + grantee + (grantable ? " WITH GRANT OPTION" : "");
    }
}
