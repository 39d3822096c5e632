-- PostgreSQL 12+ allows ADD VALUE in a transaction; the new label is not used before commit.
ALTER TYPE app.order_status ADD VALUE IF NOT EXISTS 'refunded' AFTER 'shipped';
