SET lock_timeout = '1s';
SET statement_timeout = '10s';
ALTER TABLE users ALTER COLUMN id TYPE bigint;
ALTER TABLE users ALTER COLUMN note TYPE label;
SELECT lock_users();
