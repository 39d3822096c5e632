-- atlas:txmode none

-- Built without blocking writes; IF NOT EXISTS makes a retry after a failure safe.
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_account_id_idx ON app.orders (account_id);
