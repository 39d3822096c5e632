package io.github.pgmigrate.mojo;

/** {@code <targets>}: where a fleet's tenant schemas come from. */
public class TargetsConfig {
    /** A query run on the chosen environment whose first column lists the tenant schemas. */
    private String query;

    public String query() {
        return query == null || query.isBlank() ? null : query;
    }
}
