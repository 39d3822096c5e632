package io.github.pgmigrate.fleet;

import io.github.pgmigrate.PgMigrateException;
import io.github.pgmigrate.config.ConnectionSettings;
import io.github.pgmigrate.config.ConnectionTarget;
import io.github.pgmigrate.database.DatabaseConnector;
import io.github.pgmigrate.database.SqlErrors;
import io.github.pgmigrate.database.SqlLiterals;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Where a fleet's targets come from: environments as they are, and tenant schemas a query finds in one of them. */
public final class FleetTargets {
    private FleetTargets() {
    }

    /** One target per environment. */
    public static List<FleetTarget> ofEnvironments(List<ConnectionSettings> environments) {
        return environments.stream().map(e -> new FleetTarget(e.environment(), e)).toList();
    }

    /**
     * Runs {@code query} on the environment's database and makes each schema name in its first column a target bound
     * to that schema: its search_path and its revisions schema, as an Atlas multi-tenant project binds each tenant.
     */
    public static List<FleetTarget> tenants(DatabaseConnector environment, String query) throws PgMigrateException {
        ConnectionSettings settings = environment.settings();
        List<String> schemas = new ArrayList<>();
        try (Connection connection = environment.open();
             Statement statement = connection.createStatement()) {
            connection.setReadOnly(true);
            try (ResultSet rows = statement.executeQuery(query)) {
                while (rows.next()) {
                    String schema = rows.getString(1);
                    if (schema == null || schema.isBlank()) {
                        throw new PgMigrateException("the tenant query returned an empty schema name (row "
                                + (schemas.size() + 1) + ")", "make the <targets><query> return one schema name per"
                                + " row in its first column, e.g. select nspname from pg_namespace where nspname like"
                                + " 'tenant\\_%' order by 1");
                    }
                    schemas.add(schema);
                }
            }
        } catch (SQLException e) {
            throw new PgMigrateException("the tenant query failed on " + settings.environment() + ": "
                    + SqlErrors.describe(e, settings::scrub), "check <targets><query>: it runs read-only on the"
                    + " selected environment and must return schema names in its first column");
        }
        if (schemas.isEmpty()) {
            throw new PgMigrateException("the tenant query found no schema on " + settings.environment(),
                    "nothing to migrate: create the tenant schemas first, or fix <targets><query>");
        }
        return schemas.stream()
                .map(schema -> new FleetTarget(settings.environment() + "/" + schema, boundTo(settings, schema)))
                .toList();
    }

    /**
     * The same database bound to one tenant schema, as Atlas binds a multi-tenant target: the schema is the whole
     * search_path (so unqualified names in the migrations land in it) and holds the tenant's revisions table.
     */
    static ConnectionSettings boundTo(ConnectionSettings settings, String schema) {
        Map<String, String> properties = new HashMap<>(settings.properties());
        properties.put("currentSchema", SqlLiterals.identifier(schema));
        ConnectionTarget t = settings.target();
        ConnectionTarget bound = new ConnectionTarget(t.embeddedMajor(), t.jdbcUrl(), t.displayUrl(), t.properties(),
                t.user(), t.password(), t.host(), t.port(), t.database(), schema, t.pooler(), t.warnings());
        return new ConnectionSettings(settings.environment(), bound, settings.user(), settings.password(), schema,
                properties, settings.passwordSource(), schema);
    }

    /** Two targets on the same database and revisions schema would race each other: refuse them. */
    static List<FleetTarget> requireDistinct(List<FleetTarget> targets) throws PgMigrateException {
        if (targets.isEmpty()) {
            throw new PgMigrateException("the fleet has no targets",
                    "name environments with -Dpgmigrate.env=a,b or a glob such as tenant-*, or configure"
                            + " <targets><query>");
        }
        Map<String, String> seen = new HashMap<>();
        for (FleetTarget target : targets) {
            String other = seen.putIfAbsent(target.identity(), target.name());
            if (other != null) {
                throw new PgMigrateException("targets " + other + " and " + target.name() + " are the same database"
                        + " and revisions schema (" + target.identity() + "): they would race each other",
                        "keep one of them in the target list");
            }
        }
        return targets;
    }
}
