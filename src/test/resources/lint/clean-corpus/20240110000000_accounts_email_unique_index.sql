-- atlas:txmode none

-- Duplicates were removed by 20240108000000_backfill_emails.sql and checked before this release.
-- pgmigrate:ignore unique-index-may-fail
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS accounts_email_key_idx ON app.accounts (email);
