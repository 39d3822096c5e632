-- atlas:txmode none

-- Built without blocking writes: CONCURRENTLY cannot run inside a transaction, hence the directive above.
CREATE INDEX CONCURRENTLY IF NOT EXISTS posts_created_at_idx ON posts (created_at);
