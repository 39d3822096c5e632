-- atlas:txmode none

CREATE INDEX CONCURRENTLY posts_created_at_idx ON posts (created_at);
CREATE UNIQUE INDEX CONCURRENTLY posts_id_created_at_idx ON posts (id, created_at);
