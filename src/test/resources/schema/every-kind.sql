-- One of every object kind the schema model knows, for inspector, renderer and round-trip tests.
DO $$ BEGIN CREATE ROLE pgm_schema_reader; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
CREATE SCHEMA app;
COMMENT ON SCHEMA app IS 'the application';
GRANT USAGE ON SCHEMA app TO pgm_schema_reader;
CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA public;

CREATE TYPE app.mood AS ENUM ('sad', 'ok', 'happy');
COMMENT ON TYPE app.mood IS 'how it feels';
CREATE DOMAIN app.email AS text COLLATE "C" CHECK (VALUE LIKE '%@%');
CREATE DOMAIN app.positive AS integer NOT NULL DEFAULT 1 CONSTRAINT positive_check CHECK (VALUE > 0);
CREATE TYPE app.address AS (street text, city varchar(40) COLLATE "C", zip app.positive);

CREATE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END
$$;
CREATE FUNCTION app.is_even(n integer) RETURNS boolean LANGUAGE sql IMMUTABLE STRICT AS 'SELECT n % 2 = 0';
CREATE FUNCTION app.secret_count() RETURNS bigint LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog AS 'SELECT 42::bigint';
REVOKE EXECUTE ON FUNCTION app.secret_count() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.secret_count() TO pgm_schema_reader;
CREATE PROCEDURE app.noop(IN label text) LANGUAGE plpgsql AS $$ BEGIN RAISE NOTICE '%', label; END $$;
COMMENT ON FUNCTION app.is_even(integer) IS 'parity';

CREATE SEQUENCE app.ticket_seq AS integer START 100 INCREMENT 5 MINVALUE 100 MAXVALUE 100000 CACHE 2 CYCLE;

CREATE TABLE app.customers (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email app.email NOT NULL,
  name varchar(120) COLLATE "C" NOT NULL DEFAULT 'anonymous',
  mood app.mood DEFAULT 'ok',
  home app.address,
  score numeric(10, 2) CHECK (score >= 0),
  name_upper text GENERATED ALWAYS AS (upper(name::text)) STORED,
  ticket integer DEFAULT nextval('app.ticket_seq'),
  updated_at timestamptz,
  CONSTRAINT customers_email_key UNIQUE (email),
  CONSTRAINT customers_score_even CHECK (app.is_even(score::integer)) NOT VALID
);
COMMENT ON TABLE app.customers IS 'who buys';
COMMENT ON COLUMN app.customers.email IS 'login';
COMMENT ON CONSTRAINT customers_email_key ON app.customers IS 'one account per address';
ALTER SEQUENCE app.ticket_seq OWNED BY app.customers.ticket;
CREATE INDEX customers_lower_name ON app.customers USING btree (lower(name::text)) INCLUDE (mood)
  WHERE score > 10;
CREATE INDEX customers_mood_hash ON app.customers USING hash (mood);
COMMENT ON INDEX app.customers_lower_name IS 'search';
CREATE TRIGGER customers_touch BEFORE UPDATE ON app.customers FOR EACH ROW EXECUTE FUNCTION app.touch();
ALTER TABLE app.customers DISABLE TRIGGER customers_touch;
ALTER TABLE app.customers ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.customers FORCE ROW LEVEL SECURITY;
CREATE POLICY own_rows ON app.customers AS RESTRICTIVE FOR SELECT TO pgm_schema_reader USING (mood <> 'sad');
CREATE POLICY insert_any ON app.customers FOR INSERT WITH CHECK (score IS NOT NULL);
GRANT SELECT, UPDATE ON app.customers TO pgm_schema_reader;
GRANT INSERT ON app.customers TO pgm_schema_reader WITH GRANT OPTION;

CREATE TABLE app.orders (
  id serial PRIMARY KEY,
  customer_id bigint NOT NULL,
  placed tstzrange NOT NULL,
  note text,
  CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES app.customers (id)
    ON DELETE CASCADE ON UPDATE SET NULL DEFERRABLE INITIALLY DEFERRED,
  CONSTRAINT orders_no_overlap EXCLUDE USING gist (placed WITH &&)
);
ALTER TABLE app.orders ADD CONSTRAINT orders_note_short CHECK (length(note) < 500) NOT VALID;

CREATE UNLOGGED TABLE app.scratch (k text PRIMARY KEY, v jsonb);

CREATE TABLE app.events (id bigint NOT NULL, at date NOT NULL, payload text) PARTITION BY RANGE (at);
CREATE TABLE app.events_2024 PARTITION OF app.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE app.events_rest PARTITION OF app.events DEFAULT;
ALTER TABLE app.events ADD PRIMARY KEY (id, at);
CREATE INDEX events_payload ON app.events (payload);

CREATE TABLE app.base_item (id integer, label text);
CREATE TABLE app.special_item (extra boolean DEFAULT false) INHERITS (app.base_item);

CREATE VIEW app.happy_customers WITH (security_barrier = true) AS
  SELECT id, name FROM app.customers WHERE mood = 'happy';
CREATE VIEW app.happy_names AS SELECT name FROM app.happy_customers;
COMMENT ON VIEW app.happy_names IS 'names only';
CREATE MATERIALIZED VIEW app.order_counts AS
  SELECT customer_id, count(*) AS n FROM app.orders GROUP BY customer_id;
CREATE UNIQUE INDEX order_counts_customer ON app.order_counts (customer_id);
GRANT SELECT ON app.happy_names TO pgm_schema_reader;

CREATE TABLE public.plain (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), tags text[]);
