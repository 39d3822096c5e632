-- Supabase fixture, part 5: schema "realtime" as Realtime leaves it (supabase.md §1.2): composite and enum types,
-- the subscription table with an identity and a generated regrole column, the range-partitioned messages table
-- (RLS on, owned by supabase_realtime_admin), helper functions. Runs as a superuser; idempotent.
CREATE SCHEMA IF NOT EXISTS realtime AUTHORIZATION supabase_admin;
GRANT USAGE ON SCHEMA realtime TO postgres, anon, authenticated, service_role;
GRANT ALL ON SCHEMA realtime TO supabase_realtime_admin;
REVOKE CREATE ON SCHEMA realtime FROM postgres;

DO $types$
BEGIN
    IF to_regtype('realtime.action') IS NULL THEN
        CREATE TYPE realtime.action AS ENUM ('INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'ERROR');
    END IF;
    IF to_regtype('realtime.equality_op') IS NULL THEN
        CREATE TYPE realtime.equality_op AS ENUM ('eq', 'neq', 'lt', 'lte', 'gt', 'gte', 'in');
    END IF;
    IF to_regtype('realtime.user_defined_filter') IS NULL THEN
        CREATE TYPE realtime.user_defined_filter AS (column_name text, op realtime.equality_op, value text);
    END IF;
    IF to_regtype('realtime.wal_column') IS NULL THEN
        CREATE TYPE realtime.wal_column AS (name text, type_name text, type_oid oid, value jsonb,
            is_pkey boolean, is_selectable boolean);
    END IF;
    IF to_regtype('realtime.wal_rls') IS NULL THEN
        CREATE TYPE realtime.wal_rls AS (wal jsonb, is_rls_enabled boolean, subscription_ids uuid[], errors text[]);
    END IF;
END
$types$;

CREATE OR REPLACE FUNCTION realtime.to_regrole(role_name text) RETURNS regrole LANGUAGE sql IMMUTABLE AS $$
    SELECT role_name::regrole
$$;

CREATE OR REPLACE FUNCTION realtime."cast"(val text, type_ regtype) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
    res jsonb;
BEGIN
    EXECUTE format('SELECT to_jsonb(%L::%s)', val, type_) INTO res;
    RETURN res;
END
$$;

CREATE TABLE IF NOT EXISTS realtime.schema_migrations (
    version bigint NOT NULL PRIMARY KEY,
    inserted_at timestamp(0)
);

CREATE TABLE IF NOT EXISTS realtime.subscription (
    id bigint NOT NULL GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subscription_id uuid NOT NULL,
    entity regclass NOT NULL,
    filters realtime.user_defined_filter[] NOT NULL DEFAULT '{}',
    claims jsonb NOT NULL,
    claims_role regrole NOT NULL GENERATED ALWAYS AS (realtime.to_regrole(claims ->> 'role')) STORED,
    created_at timestamp NOT NULL DEFAULT timezone('utc', now())
);
CREATE INDEX IF NOT EXISTS ix_realtime_subscription_entity ON realtime.subscription (entity);

CREATE TABLE IF NOT EXISTS realtime.messages (
    topic text NOT NULL,
    extension text NOT NULL,
    payload jsonb,
    event text,
    private boolean DEFAULT false,
    updated_at timestamp NOT NULL DEFAULT now(),
    inserted_at timestamp NOT NULL DEFAULT now(),
    id uuid NOT NULL DEFAULT gen_random_uuid(),
    CONSTRAINT messages_pkey PRIMARY KEY (id, inserted_at)
) PARTITION BY RANGE (inserted_at);
CREATE TABLE IF NOT EXISTS realtime.messages_2026_01_01 PARTITION OF realtime.messages
    FOR VALUES FROM ('2026-01-01 00:00:00') TO ('2026-01-02 00:00:00');
CREATE INDEX IF NOT EXISTS messages_inserted_at_topic_index ON realtime.messages (inserted_at DESC, topic)
    WHERE extension = 'broadcast' AND private IS TRUE;
ALTER TABLE realtime.messages OWNER TO supabase_realtime_admin;
ALTER TABLE realtime.messages_2026_01_01 OWNER TO supabase_realtime_admin;
ALTER TABLE realtime.messages ENABLE ROW LEVEL SECURITY;

CREATE OR REPLACE FUNCTION realtime.topic() RETURNS text LANGUAGE sql STABLE AS $$
    SELECT nullif(current_setting('realtime.topic', true), '')::text
$$;

CREATE OR REPLACE FUNCTION realtime.send(payload jsonb, event text, topic text, private boolean DEFAULT true)
    RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO realtime.messages (payload, event, topic, private, extension)
    VALUES (payload, event, topic, private, 'broadcast');
END
$$;

CREATE OR REPLACE FUNCTION realtime.subscription_check_filters() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    filter realtime.user_defined_filter;
BEGIN
    FOREACH filter IN ARRAY NEW.filters LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute
                       WHERE attrelid = NEW.entity AND attname = filter.column_name AND NOT attisdropped) THEN
            RAISE EXCEPTION 'invalid column for filter %', filter.column_name;
        END IF;
    END LOOP;
    RETURN NEW;
END
$$;

DROP TRIGGER IF EXISTS tr_check_filters ON realtime.subscription;
CREATE TRIGGER tr_check_filters BEFORE INSERT OR UPDATE ON realtime.subscription
    FOR EACH ROW EXECUTE FUNCTION realtime.subscription_check_filters();

GRANT ALL ON realtime.messages TO postgres, service_role;
GRANT SELECT, INSERT, UPDATE ON realtime.messages TO anon, authenticated;
GRANT SELECT ON realtime.subscription TO postgres, service_role;
REVOKE ALL ON realtime.schema_migrations FROM postgres, anon, authenticated, service_role;

INSERT INTO realtime.schema_migrations (version, inserted_at) VALUES
    (20211116024918, '2024-01-01 00:00:00'), (20240618124746, '2024-07-01 00:00:00'),
    (20260211000000, '2026-02-11 00:00:00')
ON CONFLICT DO NOTHING;
