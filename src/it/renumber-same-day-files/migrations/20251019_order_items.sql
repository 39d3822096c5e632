-- 20251019_order_items
SELECT 1;
