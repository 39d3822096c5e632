-- The foreign key is added NOT VALID (no scan) and validated in the next migration.
SET lock_timeout = '2s';
SET statement_timeout = '1min';

ALTER TABLE app.orders
    ADD CONSTRAINT orders_account_fk FOREIGN KEY (account_id) REFERENCES app.accounts (id) NOT VALID;
