CREATE TABLE events (id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT clock_timestamp());
INSERT INTO events DEFAULT VALUES;
SELECT pg_sleep(1);
