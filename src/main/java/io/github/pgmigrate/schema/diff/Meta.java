package io.github.pgmigrate.schema.diff;

import io.github.pgmigrate.schema.model.Grant;
import java.util.List;
import java.util.Objects;

/** Comments, owners and grants: the same three changes for every kind of object. */
final class Meta {
    private Meta() {
    }

    /** @param target what COMMENT ON names, e.g. {@code TABLE app.t} or {@code COLUMN app.t.c} */
    static void comment(List<Step> out, String target, String from, String to) {
        if (!Objects.equals(from, to)) {
            out.add(Step.tx("COMMENT ON " + target + " IS " + Sql.literal(to)));
        }
    }

    /** @param alter the ALTER command and name, e.g. {@code ALTER TABLE app.t}; from is null for a new object */
    static void owner(List<Step> out, DiffOptions options, String alter, String from, String to) {
        if (options.owners() && to != null && !Objects.equals(from, to)) {
            out.add(Step.tx(alter + " OWNER TO " + Sql.ident(to)));
        }
    }

    /** @param target what GRANT names, e.g. {@code TABLE app.t}, {@code FUNCTION app.f(integer)} */
    static void grants(List<Step> out, String target, List<Grant> from, List<Grant> to) {
        for (Grant g : from) {
            if (!to.contains(g)) {
                out.add(Step.tx("REVOKE " + g.privilege() + " ON " + target + " FROM " + Sql.role(g.grantee())));
            }
        }
        for (Grant g : to) {
            if (!from.contains(g)) {
                out.add(Step.tx("GRANT " + g.privilege() + " ON " + target + " TO " + Sql.role(g.grantee())
                        + (g.grantable() ? " WITH GRANT OPTION" : "")));
            }
        }
    }
}
