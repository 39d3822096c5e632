-- A constant default is metadata-only on PostgreSQL 11+.
SET lock_timeout = '2s';
SET statement_timeout = '1min';

ALTER TABLE app.accounts
    ADD COLUMN active boolean NOT NULL DEFAULT true,
    ADD COLUMN last_seen_at timestamptz DEFAULT now();
