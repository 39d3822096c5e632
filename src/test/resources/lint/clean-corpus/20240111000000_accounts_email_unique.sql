-- The constraint reuses the index built concurrently: only a brief lock.
SET lock_timeout = '2s';
SET statement_timeout = '1min';

ALTER TABLE app.accounts ADD CONSTRAINT accounts_email_key UNIQUE USING INDEX accounts_email_key_idx;
