package io.github.pgmigrate.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pgmigrate.sql.StatementSplitter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SupabaseFixtureTest {

    private static final Map<String, String> SCHEMA_OWNERS = new LinkedHashMap<>();

    static {
        SCHEMA_OWNERS.put("extensions", "postgres");
        SCHEMA_OWNERS.put("auth", "supabase_admin");
        SCHEMA_OWNERS.put("storage", "supabase_admin");
        SCHEMA_OWNERS.put("realtime", "supabase_admin");
        SCHEMA_OWNERS.put("graphql", "supabase_admin");
        SCHEMA_OWNERS.put("graphql_public", "supabase_admin");
        SCHEMA_OWNERS.put("vault", "supabase_admin");
        SCHEMA_OWNERS.put("net", "supabase_admin");
        SCHEMA_OWNERS.put("supabase_functions", "supabase_admin");
        SCHEMA_OWNERS.put("pgbouncer", "pgbouncer");
    }

    @Test
    void aFreshDatabaseLooksLikeASupabaseProjectToItsNonSuperuserPostgres() throws Exception {
        assertLooksLikeSupabase(SupabaseFixture.createDatabase());
    }

    @Test
    void loadsOnTheEmbeddedServer() throws Exception {
        try (SupabaseServer embedded = SupabaseServer.start(PostgresProvider.EMBEDDED)) {
            assertThat(embedded.provider()).contains("embedded zonky");
            assertLooksLikeSupabase(SupabaseFixture.createDatabase(embedded));
        }
    }

    /** In CI DOCKER_HOST points at podman's socket; with -Dpgmigrate.it.provider=container a missing engine fails. */
    @Test
    void loadsThroughTheContainerPathWhenAnEngineIsReachableOrRequested() throws Exception {
        if (!PostgresProvider.containerRequested() && !ContainerPostgres.engineAvailable()) {
            assertThatThrownBy(() -> SupabaseServer.start(PostgresProvider.CONTAINER))
                    .hasMessageContaining("No Docker-compatible engine");
            return;
        }
        try (SupabaseServer container = SupabaseServer.start(PostgresProvider.CONTAINER)) {
            assertThat(container.provider()).contains("container");
            SupabaseDatabase database = SupabaseFixture.createDatabase(container);
            assertThat(database.password()).isNotBlank();
            assertLooksLikeSupabase(database);
        }
    }

    @Test
    void applyingTwiceChangesNothing() throws Exception {
        SupabaseDatabase database = SupabaseFixture.createDatabase();
        String before;
        try (Connection admin = database.connectAsAdmin()) {
            before = catalogSummary(admin);
            SupabaseFixture.apply(admin, database.password());
            assertThat(catalogSummary(admin)).isEqualTo(before);
        }
        try (Connection postgres = database.connect()) {
            assertThat(single(postgres, "SELECT current_user")).isEqualTo("postgres");
        }
    }

    @Test
    void refusesAClusterWhosePostgresRoleIsASuperuser() throws Exception {
        SupabaseDatabase database = SupabaseFixture.createDatabase();
        try (Connection admin = database.connectAsAdmin()) {
            admin.setAutoCommit(false);
            try (Statement statement = admin.createStatement()) {
                statement.execute("ALTER ROLE postgres SUPERUSER");
                assertThatThrownBy(() -> {
                    for (var sql : StatementSplitter.split(SupabaseFixture.sql("01-roles.sql"))) {
                        statement.execute(sql.text());
                    }
                }).isInstanceOf(SQLException.class)
                        .hasMessageContaining("role \"postgres\" is a superuser on this cluster")
                        .hasMessageContaining("initdb --username=supabase_admin");
            } finally {
                admin.rollback();
            }
        }
        try (Connection postgres = database.connect()) {
            assertThat(single(postgres, "SELECT rolsuper::text FROM pg_roles WHERE rolname = current_user"))
                    .isEqualTo("false");
        }
    }

    private static void assertLooksLikeSupabase(SupabaseDatabase database) throws SQLException {
        assertThat(database.user()).isEqualTo("postgres");
        try (Connection postgres = database.connect()) {
            assertSchemasAndOwners(postgres);
            assertRoles(postgres);
            assertExtensions(postgres);
            assertGrants(postgres);
            assertRowLevelSecurity(postgres);
            assertManagedObjectsRefuseTheNonOwner(postgres);
            assertUserObjectsWorkAndGetSupabaseDefaultPrivileges(postgres);
        }
    }

    private static void assertSchemasAndOwners(Connection connection) throws SQLException {
        Map<String, String> owners = new LinkedHashMap<>();
        try (ResultSet rs = connection.createStatement().executeQuery(
                "SELECT nspname, pg_get_userbyid(nspowner) FROM pg_namespace")) {
            while (rs.next()) {
                owners.put(rs.getString(1), rs.getString(2));
            }
        }
        assertThat(owners).containsAllEntriesOf(SCHEMA_OWNERS);
        assertThat(single(connection, "SELECT pg_get_userbyid(datdba) FROM pg_database"
                + " WHERE datname = current_database()")).isEqualTo("postgres");
        assertThat(list(connection, "SELECT c.relname FROM pg_class c WHERE c.relnamespace = 'auth'::regnamespace"
                + " AND c.relkind = 'r' ORDER BY 1"))
                .contains("users", "identities", "sessions", "refresh_tokens", "mfa_factors", "one_time_tokens",
                        "schema_migrations")
                .hasSizeGreaterThanOrEqualTo(16);
        assertThat(single(connection, "SELECT pg_get_userbyid(relowner) FROM pg_class"
                + " WHERE oid = 'auth.users'::regclass")).isEqualTo("supabase_auth_admin");
        assertThat(single(connection, "SELECT pg_get_userbyid(relowner) FROM pg_class"
                + " WHERE oid = 'storage.objects'::regclass")).isEqualTo("supabase_storage_admin");
        assertThat(single(connection, "SELECT relkind::text FROM pg_class WHERE oid = 'realtime.messages'::regclass"))
                .isEqualTo("p");
        assertThat(list(connection, "SELECT typname FROM pg_type WHERE typnamespace = 'auth'::regnamespace"
                + " AND typtype = 'e' ORDER BY 1"))
                .containsExactly("aal_level", "code_challenge_method", "factor_status", "factor_type",
                        "one_time_token_type");
        assertThat(list(connection, "SELECT evtname FROM pg_event_trigger ORDER BY 1"))
                .containsExactly("issue_graphql_placeholder", "issue_pg_cron_access", "issue_pg_graphql_access",
                        "issue_pg_net_access", "pgrst_ddl_watch", "pgrst_drop_watch");
        assertThat(single(connection, "SELECT pubname FROM pg_publication")).isEqualTo("supabase_realtime");
        assertThat(single(connection, "SELECT count(*)::text FROM pg_class"
                + " WHERE relnamespace = 'public'::regnamespace")).isEqualTo("0");
    }

    private static void assertRoles(Connection connection) throws SQLException {
        assertThat(single(connection, "SELECT rolsuper::text FROM pg_roles WHERE rolname = current_user"))
                .isEqualTo("false");
        assertThat(single(connection, "SELECT concat_ws(',', rolcreatedb, rolcreaterole, rolcanlogin, rolreplication,"
                + " rolbypassrls) FROM pg_roles WHERE rolname = 'postgres'")).isEqualTo("t,t,t,t,t");
        assertThat(single(connection, "SELECT rolsuper::text FROM pg_roles WHERE rolname = 'supabase_admin'"))
                .isEqualTo("true");
        assertThat(list(connection, "SELECT rolname FROM pg_roles WHERE rolname IN ('anon', 'authenticated',"
                + " 'service_role', 'authenticator', 'supabase_auth_admin', 'supabase_storage_admin',"
                + " 'supabase_functions_admin', 'supabase_realtime_admin', 'dashboard_user', 'pgbouncer')"
                + " ORDER BY 1")).hasSize(10);
        assertThat(list(connection, "SELECT rolname FROM pg_roles WHERE rolname IN ('anon', 'authenticated',"
                + " 'service_role', 'authenticator') AND NOT rolsuper AND (rolcanlogin = (rolname = 'authenticator'))"))
                .hasSize(4);
        assertThat(list(connection, "SELECT b.rolname FROM pg_auth_members m JOIN pg_roles b ON b.oid = m.roleid"
                + " WHERE m.member = 'postgres'::regrole"))
                .contains("anon", "authenticated", "service_role", "supabase_functions_admin");
        assertThat(single(connection, "SHOW search_path")).isEqualTo("\"$user\", public, extensions");
    }

    private static void assertExtensions(Connection connection) throws SQLException {
        assertThat(list(connection, "SELECT extname || '@' || extnamespace::regnamespace FROM pg_extension"
                + " WHERE extname <> 'plpgsql' ORDER BY 1"))
                .containsExactly("pg_stat_statements@extensions", "pgcrypto@extensions", "uuid-ossp@extensions");
        // Unqualified calls resolve through postgres's role-level search_path, as on Supabase.
        assertThat(single(connection, "SELECT length(uuid_generate_v4()::text)::text")).isEqualTo("36");
        assertThat(single(connection, "SELECT length(gen_random_bytes(8))::text")).isEqualTo("8");
    }

    private static void assertGrants(Connection connection) throws SQLException {
        for (String schema : List.of("auth", "storage", "realtime")) {
            assertThat(single(connection, "SELECT has_schema_privilege('postgres', '" + schema + "', 'USAGE')::text"
                    + " || has_schema_privilege('postgres', '" + schema + "', 'CREATE')::text"))
                    .as("postgres on schema %s: USAGE, no CREATE", schema).isEqualTo("truefalse");
        }
        assertThat(single(connection, "SELECT has_schema_privilege('anon', 'extensions', 'USAGE')::text"))
                .isEqualTo("true");
        assertThat(single(connection, "SELECT has_table_privilege('postgres', 'auth.users', 'SELECT, INSERT, UPDATE,"
                + " DELETE, TRIGGER, REFERENCES')::text")).isEqualTo("true");
        assertThat(single(connection, "SELECT has_schema_privilege('postgres', 'public', 'CREATE')::text"))
                .isEqualTo("true");
        assertThat(list(connection, "SELECT DISTINCT defaclrole::regrole::text FROM pg_default_acl"
                + " WHERE defaclnamespace = 'public'::regnamespace ORDER BY 1"))
                .containsExactly("postgres", "supabase_admin");
    }

    private static void assertRowLevelSecurity(Connection connection) throws SQLException {
        assertThat(list(connection, "SELECT c.oid::regclass::text FROM pg_class c"
                + " WHERE c.relnamespace IN ('auth'::regnamespace, 'storage'::regnamespace)"
                + " AND c.relkind = 'r' AND NOT c.relrowsecurity")).isEmpty();
        assertThat(single(connection, "SELECT relrowsecurity::text FROM pg_class"
                + " WHERE oid = 'realtime.messages'::regclass")).isEqualTo("true");
    }

    private static void assertManagedObjectsRefuseTheNonOwner(Connection connection) throws SQLException {
        assertRefused(connection, "ALTER TABLE auth.users ADD COLUMN nickname text", "42501",
                "must be owner of table users");
        assertRefused(connection, "CREATE FUNCTION auth.user_role() RETURNS text LANGUAGE sql AS 'SELECT 1::text'",
                "42501", "permission denied for schema auth");
        assertRefused(connection, "CREATE POLICY p ON storage.objects FOR SELECT USING (true)", "42501",
                "must be owner of table objects");
        assertRefused(connection, "DROP SCHEMA auth CASCADE", "42501", "must be owner of schema auth");
    }

    private static void assertUserObjectsWorkAndGetSupabaseDefaultPrivileges(Connection connection)
            throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE public.profiles (id uuid PRIMARY KEY REFERENCES auth.users (id)"
                    + " ON DELETE CASCADE, code text NOT NULL DEFAULT uuid_generate_v4()::text)");
        }
        assertThat(single(connection, "SELECT has_table_privilege('anon', 'public.profiles', 'SELECT, INSERT')::text"
                + " || has_table_privilege('authenticated', 'public.profiles', 'DELETE')::text"))
                .isEqualTo("truetrue");
        assertThat(single(connection, "SELECT pg_get_userbyid(relowner) FROM pg_class"
                + " WHERE oid = 'public.profiles'::regclass")).isEqualTo("postgres");
    }

    private static void assertRefused(Connection connection, String sql, String sqlState, String message) {
        assertThatThrownBy(() -> {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }).as(sql).isInstanceOfSatisfying(SQLException.class,
                e -> assertThat(e.getSQLState()).isEqualTo(sqlState)).hasMessageContaining(message);
    }

    /** Counts and ACLs of everything the fixture creates, to compare before and after a re-application. */
    private static String catalogSummary(Connection connection) throws SQLException {
        return String.join("\n", list(connection,
                "SELECT n.nspname || '.' || c.relname || ':' || c.relkind::text || ':' || coalesce(c.relacl::text, '')"
                        + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') ORDER BY 1"))
                + String.join("\n", list(connection, "SELECT p.oid::regprocedure::text || coalesce(p.proacl::text, '')"
                        + " FROM pg_proc p WHERE p.pronamespace::regnamespace::text NOT IN ('pg_catalog',"
                        + " 'information_schema') ORDER BY 1"))
                + String.join("\n", list(connection, "SELECT r.rolname || ':' || r.rolsuper || ':'"
                        + " || coalesce(array_to_string(r.rolconfig, ','), '') FROM pg_roles r ORDER BY 1"))
                + String.join("\n", list(connection, "SELECT defaclrole::regrole || ':' || defaclnamespace::regnamespace"
                        + " || ':' || defaclobjtype::text || ':' || defaclacl::text FROM pg_default_acl ORDER BY 1"))
                + String.join("\n", list(connection, "SELECT evtname || ':' || evtfoid::regproc FROM pg_event_trigger"
                        + " ORDER BY 1"))
                + String.join("\n", list(connection, "SELECT version FROM auth.schema_migrations ORDER BY 1"));
    }

    private static String single(Connection connection, String sql) throws SQLException {
        List<String> values = list(connection, sql);
        assertThat(values).as(sql).hasSize(1);
        return values.get(0);
    }

    private static List<String> list(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
