-- Supabase fixture, part 8: the database-wide objects no catalog query of one schema shows (supabase.md §1.6,
-- §1.7): the supabase_realtime publication and the six event triggers (owner supabase_admin) that fire on the DDL
-- every migration runs. The bodies are our own, simplified; they only notify or grant. Runs as a superuser;
-- idempotent; created last so the fixture's own DDL does not fire them on the first application.
DO $publication$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_publication WHERE pubname = 'supabase_realtime') THEN
        -- On a server without wal_level=logical PostgreSQL warns that the publication cannot publish yet.
        SET LOCAL client_min_messages = error;
        CREATE PUBLICATION supabase_realtime;
    END IF;
END
$publication$;

CREATE OR REPLACE FUNCTION extensions.pgrst_ddl_watch() RETURNS event_trigger LANGUAGE plpgsql AS $$
DECLARE
    cmd record;
BEGIN
    FOR cmd IN SELECT * FROM pg_event_trigger_ddl_commands() LOOP
        IF cmd.command_tag IN ('CREATE SCHEMA', 'ALTER SCHEMA', 'CREATE TABLE', 'CREATE TABLE AS', 'SELECT INTO',
                               'ALTER TABLE', 'CREATE FOREIGN TABLE', 'ALTER FOREIGN TABLE', 'CREATE VIEW',
                               'ALTER VIEW', 'CREATE MATERIALIZED VIEW', 'ALTER MATERIALIZED VIEW',
                               'CREATE FUNCTION', 'ALTER FUNCTION', 'CREATE TRIGGER', 'CREATE TYPE', 'ALTER TYPE',
                               'CREATE RULE', 'COMMENT')
           AND cmd.schema_name IS DISTINCT FROM 'pg_temp' THEN
            NOTIFY pgrst, 'reload schema';
        END IF;
    END LOOP;
END
$$;

CREATE OR REPLACE FUNCTION extensions.pgrst_drop_watch() RETURNS event_trigger LANGUAGE plpgsql AS $$
DECLARE
    obj record;
BEGIN
    FOR obj IN SELECT * FROM pg_event_trigger_dropped_objects() LOOP
        IF obj.object_type IN ('schema', 'table', 'foreign table', 'view', 'materialized view', 'function',
                               'trigger', 'type', 'rule')
           AND obj.is_temporary IS false THEN
            NOTIFY pgrst, 'reload schema';
        END IF;
    END LOOP;
END
$$;

-- The access functions grant only when their extension is being created; on vanilla PostgreSQL it never is.
CREATE OR REPLACE FUNCTION extensions.grant_pg_cron_access() RETURNS event_trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_event_trigger_ddl_commands() AS ev
               JOIN pg_catalog.pg_extension AS ext ON ev.objid = ext.oid WHERE ext.extname = 'pg_cron') THEN
        GRANT USAGE ON SCHEMA cron TO postgres WITH GRANT OPTION;
    END IF;
END
$$;

CREATE OR REPLACE FUNCTION extensions.grant_pg_net_access() RETURNS event_trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_event_trigger_ddl_commands() AS ev
               JOIN pg_catalog.pg_extension AS ext ON ev.objid = ext.oid WHERE ext.extname = 'pg_net') THEN
        GRANT USAGE ON SCHEMA net TO supabase_functions_admin, postgres, anon, authenticated, service_role;
    END IF;
END
$$;

CREATE OR REPLACE FUNCTION extensions.grant_pg_graphql_access() RETURNS event_trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_event_trigger_ddl_commands() AS ev
               JOIN pg_catalog.pg_extension AS ext ON ev.objid = ext.oid WHERE ext.extname = 'pg_graphql') THEN
        GRANT USAGE ON SCHEMA graphql TO postgres, anon, authenticated, service_role;
    END IF;
END
$$;

CREATE OR REPLACE FUNCTION extensions.set_graphql_placeholder() RETURNS event_trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_event_trigger_dropped_objects() AS obj
               WHERE obj.object_type = 'extension' AND obj.object_name = 'pg_graphql') THEN
        NOTIFY pgrst, 'reload schema';
    END IF;
END
$$;

DROP EVENT TRIGGER IF EXISTS pgrst_ddl_watch;
CREATE EVENT TRIGGER pgrst_ddl_watch ON ddl_command_end
    EXECUTE FUNCTION extensions.pgrst_ddl_watch();
DROP EVENT TRIGGER IF EXISTS pgrst_drop_watch;
CREATE EVENT TRIGGER pgrst_drop_watch ON sql_drop
    EXECUTE FUNCTION extensions.pgrst_drop_watch();
DROP EVENT TRIGGER IF EXISTS issue_pg_graphql_access;
CREATE EVENT TRIGGER issue_pg_graphql_access ON ddl_command_end WHEN TAG IN ('CREATE FUNCTION')
    EXECUTE FUNCTION extensions.grant_pg_graphql_access();
DROP EVENT TRIGGER IF EXISTS issue_graphql_placeholder;
CREATE EVENT TRIGGER issue_graphql_placeholder ON sql_drop WHEN TAG IN ('DROP EXTENSION')
    EXECUTE FUNCTION extensions.set_graphql_placeholder();
DROP EVENT TRIGGER IF EXISTS issue_pg_cron_access;
CREATE EVENT TRIGGER issue_pg_cron_access ON ddl_command_end WHEN TAG IN ('CREATE EXTENSION')
    EXECUTE FUNCTION extensions.grant_pg_cron_access();
DROP EVENT TRIGGER IF EXISTS issue_pg_net_access;
CREATE EVENT TRIGGER issue_pg_net_access ON ddl_command_end WHEN TAG IN ('CREATE EXTENSION')
    EXECUTE FUNCTION extensions.grant_pg_net_access();
