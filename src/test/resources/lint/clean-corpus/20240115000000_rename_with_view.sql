-- Rename with a compatibility view, so running clients keep using the old name.
SET lock_timeout = '2s';
SET statement_timeout = '1min';

ALTER TABLE app.order_lines RENAME TO line_items;
CREATE VIEW app.order_lines AS SELECT * FROM app.line_items;
