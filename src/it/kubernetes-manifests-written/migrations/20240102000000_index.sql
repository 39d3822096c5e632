-- atlas:txmode none

CREATE INDEX CONCURRENTLY customers_id ON customers (id);
