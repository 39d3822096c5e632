-- Step 1 of a safe SET NOT NULL: a CHECK that is not validated yet.
SET lock_timeout = '2s';
SET statement_timeout = '1min';

ALTER TABLE app.accounts
    ADD CONSTRAINT accounts_email_not_null CHECK (email IS NOT NULL) NOT VALID;
