CREATE TABLE posts (id bigint PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now());
INSERT INTO posts (id) SELECT g FROM generate_series(1, 100) g;
