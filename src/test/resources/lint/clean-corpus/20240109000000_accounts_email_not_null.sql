-- Step 2: validate (SHARE UPDATE EXCLUSIVE), then SET NOT NULL uses the check and skips the scan (PostgreSQL 12+).
SET lock_timeout = '2s';
SET statement_timeout = '30min';

ALTER TABLE app.accounts VALIDATE CONSTRAINT accounts_email_not_null;

ALTER TABLE app.accounts
    ALTER COLUMN email SET NOT NULL,
    DROP CONSTRAINT accounts_email_not_null;
