-- atlas:txmode none

REINDEX INDEX CONCURRENTLY app.orders_account_id_idx;
