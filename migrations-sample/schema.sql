-- The blog's desired schema: what the migrations in migrations/ build, written as one file.
-- Edit it, then run `mvn pgmigrate:diff -Dpgmigrate.name=<what_changed>` to get the next migration.
CREATE EXTENSION IF NOT EXISTS pgcrypto;
CREATE EXTENSION IF NOT EXISTS citext;

CREATE TYPE user_role AS ENUM ('member', 'moderator', 'admin');

CREATE TABLE users (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    email       citext NOT NULL UNIQUE,
    role        user_role NOT NULL DEFAULT 'member',
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION touch_updated_at() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;

CREATE TRIGGER users_touch_updated_at
    BEFORE UPDATE ON users
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

CREATE TABLE posts (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    author_id   uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    title       text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    body        text NOT NULL DEFAULT '',
    published   boolean NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX posts_created_at_idx ON posts (created_at);

ALTER TABLE posts ENABLE ROW LEVEL SECURITY;

CREATE POLICY posts_read_published ON posts
    FOR SELECT
    USING (published OR author_id::text = current_setting('app.user_id', true));

CREATE POLICY posts_write_own ON posts
    FOR ALL
    USING (author_id::text = current_setting('app.user_id', true))
    WITH CHECK (author_id::text = current_setting('app.user_id', true));

CREATE FUNCTION post_excerpt(body text) RETURNS text
    LANGUAGE SQL
    IMMUTABLE
BEGIN ATOMIC
    SELECT CASE WHEN length(body) > 140 THEN left(body, 137) || '...' ELSE body END;
END;

CREATE VIEW front_page AS
    SELECT p.id, p.title, post_excerpt(p.body) AS excerpt, u.email AS author, p.created_at
    FROM posts p
    JOIN users u ON u.id = p.author_id
    WHERE p.published;

COMMENT ON VIEW front_page IS 'Published posts; it''s what the home page shows.';
