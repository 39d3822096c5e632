-- atlas:txmode none

DROP INDEX CONCURRENTLY IF EXISTS app.order_lines_sku_idx;
