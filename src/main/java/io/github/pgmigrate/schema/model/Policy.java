package io.github.pgmigrate.schema.model;

import java.util.List;

/**
 * A row-level security policy.
 *
 * @param command   {@code ALL}, {@code SELECT}, {@code INSERT}, {@code UPDATE} or {@code DELETE}
 * @param roles     role names, {@code PUBLIC} for everyone
 * @param using     the USING expression, or null
 * @param withCheck the WITH CHECK expression, or null
 */
public record Policy(String name, boolean permissive, String command, List<String> roles, String using,
                     String withCheck, String comment) {

    /** Equal but for the comment. */
    public boolean sameAs(Policy other) {
        return other != null && equals(new Policy(other.name, other.permissive, other.command, other.roles,
                other.using, other.withCheck, comment));
    }
}
