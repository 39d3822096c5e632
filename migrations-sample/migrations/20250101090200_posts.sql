-- Posts belong to users; row-level security lets authors see only their own drafts.
-- The foreign key locks users briefly: give up rather than queue behind a long transaction.
SET LOCAL lock_timeout = '5s';
SET LOCAL statement_timeout = '60s';

CREATE TABLE posts (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    author_id   uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    title       text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    body        text NOT NULL DEFAULT '',
    published   boolean NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE posts ENABLE ROW LEVEL SECURITY;

CREATE POLICY posts_read_published ON posts
    FOR SELECT
    USING (published OR author_id::text = current_setting('app.user_id', true));

CREATE POLICY posts_write_own ON posts
    FOR ALL
    USING (author_id::text = current_setting('app.user_id', true))
    WITH CHECK (author_id::text = current_setting('app.user_id', true));
