-- Supabase fixture, part 1: the cluster-wide roles of a Supabase project (supabase.md §1.3).
-- Runs as a superuser (supabase_admin when the cluster was bootstrapped with it). Idempotent.
-- Roles are shared by every database of the cluster; the lock serialises concurrent applications of this file.
LOCK TABLE pg_catalog.pg_authid IN SHARE ROW EXCLUSIVE MODE;

DO $roles$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT * FROM (VALUES
        ('supabase_admin',             'SUPERUSER LOGIN CREATEDB CREATEROLE REPLICATION BYPASSRLS'),
        ('postgres',                   'NOSUPERUSER LOGIN CREATEDB CREATEROLE REPLICATION BYPASSRLS INHERIT'),
        ('anon',                       'NOLOGIN INHERIT'),
        ('authenticated',              'NOLOGIN INHERIT'),
        ('service_role',               'NOLOGIN INHERIT BYPASSRLS'),
        ('authenticator',              'LOGIN NOINHERIT'),
        ('supabase_auth_admin',        'LOGIN NOINHERIT'),
        ('supabase_storage_admin',     'LOGIN NOINHERIT CREATEROLE'),
        ('supabase_functions_admin',   'LOGIN NOINHERIT CREATEROLE'),
        ('supabase_realtime_admin',    'NOLOGIN NOINHERIT'),
        ('supabase_replication_admin', 'LOGIN REPLICATION'),
        ('supabase_etl_admin',         'LOGIN REPLICATION'),
        ('supabase_read_only_user',    'LOGIN BYPASSRLS'),
        ('supabase_superuser',         'NOLOGIN'),
        ('dashboard_user',             'NOLOGIN CREATEDB CREATEROLE REPLICATION'),
        ('pgbouncer',                  'LOGIN')
    ) AS roles(name, attributes)
    LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = r.name) THEN
            EXECUTE format('CREATE ROLE %I %s', r.name, r.attributes);
        ELSIF r.name = 'postgres'
              AND (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = 'postgres') THEN
            -- On Supabase the role users connect as is not a superuser. A cluster bootstrapped as "postgres" cannot
            -- demote it, so the fixture refuses rather than silently simulating a more powerful role.
            RAISE EXCEPTION 'role "postgres" is a superuser on this cluster'
                USING HINT = 'Bootstrap the cluster with another superuser (initdb --username=supabase_admin, '
                          || 'POSTGRES_USER=supabase_admin) so the fixture can create a non-superuser "postgres".';
        ELSE
            EXECUTE format('ALTER ROLE %I %s', r.name, r.attributes);
        END IF;
    END LOOP;
END
$roles$;

GRANT anon, authenticated, service_role TO authenticator;
GRANT anon, authenticated, service_role, supabase_functions_admin, supabase_superuser, pg_monitor, pg_signal_backend
    TO postgres;
GRANT authenticator TO supabase_storage_admin;
GRANT supabase_superuser TO supabase_etl_admin;

DO $read_all$
BEGIN
    -- pg_read_all_data exists from PostgreSQL 14 on.
    IF EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'pg_read_all_data') THEN
        GRANT pg_read_all_data TO postgres, supabase_read_only_user, supabase_etl_admin;
    END IF;
END
$read_all$;

ALTER ROLE supabase_admin SET search_path = "$user", public, auth, extensions;
ALTER ROLE postgres SET search_path = "$user", public, extensions;
ALTER ROLE anon SET statement_timeout = '3s';
ALTER ROLE authenticated SET statement_timeout = '8s';
ALTER ROLE authenticator SET statement_timeout = '8s';
ALTER ROLE authenticator SET lock_timeout = '8s';
ALTER ROLE supabase_auth_admin SET search_path = auth;
ALTER ROLE supabase_auth_admin SET idle_in_transaction_session_timeout = 60000;
ALTER ROLE supabase_storage_admin SET search_path = storage;
ALTER ROLE supabase_functions_admin SET search_path = supabase_functions;
