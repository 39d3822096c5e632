package io.github.pgmigrate.fleet;

import io.github.pgmigrate.config.ConnectionSettings;

/**
 * One database (or one tenant schema of a database) a fleet run works on.
 *
 * @param name     how the summary names it: the environment, or {@code environment/schema} for a tenant
 * @param settings where to connect; for a tenant, bound to its schema (search_path and revisions schema)
 */
public record FleetTarget(String name, ConnectionSettings settings) {

    /** What makes two targets the same for a migration run: server, database and revisions schema. */
    String identity() {
        return server() + "/" + settings.target().database() + "#" + settings.effectiveRevisionsSchema();
    }

    /** The server the target lives on: what its connections count against. */
    public String server() {
        var target = settings.target();
        return target.isEmbedded() ? "embedded:" + target.embeddedMajor() : target.host() + ":" + target.port();
    }
}
