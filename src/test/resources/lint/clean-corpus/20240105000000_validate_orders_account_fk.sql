-- Validation takes SHARE UPDATE EXCLUSIVE: reads and writes continue during the scan.
SET statement_timeout = '30min';

ALTER TABLE app.orders VALIDATE CONSTRAINT orders_account_fk;
