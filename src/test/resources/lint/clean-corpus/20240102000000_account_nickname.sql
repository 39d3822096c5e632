-- A nullable column without a default: a brief ACCESS EXCLUSIVE lock, no rewrite.
SET lock_timeout = '2s';
SET statement_timeout = '1min';

ALTER TABLE app.accounts ADD COLUMN nickname text;
