-- Supabase fixture, part 2: the database itself and schema "extensions" with the contrib extensions a project
-- starts with (supabase.md §1.2, §1.4, §1.5). Runs as a superuser. Idempotent.

-- On Supabase the database belongs to "postgres" (from PostgreSQL 15 on that also makes it the owner of "public").
DO $owner$
BEGIN
    EXECUTE format('ALTER DATABASE %I OWNER TO postgres', current_database());
END
$owner$;

CREATE SCHEMA IF NOT EXISTS extensions AUTHORIZATION postgres;

CREATE EXTENSION IF NOT EXISTS "uuid-ossp" WITH SCHEMA extensions;
CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA extensions;
CREATE EXTENSION IF NOT EXISTS pg_stat_statements WITH SCHEMA extensions;

GRANT USAGE ON SCHEMA extensions TO postgres, anon, authenticated, service_role,
    supabase_auth_admin, supabase_storage_admin, supabase_functions_admin, supabase_realtime_admin;
GRANT ALL ON SCHEMA extensions TO dashboard_user;
GRANT ALL ON ALL TABLES IN SCHEMA extensions TO postgres WITH GRANT OPTION;
GRANT ALL ON ALL SEQUENCES IN SCHEMA extensions TO postgres WITH GRANT OPTION;
GRANT ALL ON ALL ROUTINES IN SCHEMA extensions TO postgres WITH GRANT OPTION;
ALTER DEFAULT PRIVILEGES FOR ROLE supabase_admin IN SCHEMA extensions
    GRANT ALL ON TABLES TO postgres WITH GRANT OPTION;
ALTER DEFAULT PRIVILEGES FOR ROLE supabase_admin IN SCHEMA extensions
    GRANT ALL ON SEQUENCES TO postgres WITH GRANT OPTION;
ALTER DEFAULT PRIVILEGES FOR ROLE supabase_admin IN SCHEMA extensions
    GRANT ALL ON ROUTINES TO postgres WITH GRANT OPTION;
