CREATE INDEX CONCURRENTLY comments_body_idx ON comments (body);
