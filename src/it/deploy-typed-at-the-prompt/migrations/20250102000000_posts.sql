CREATE TABLE posts (id bigint PRIMARY KEY, author bigint NOT NULL REFERENCES users (id), title text NOT NULL);
CREATE INDEX posts_author_idx ON posts (author);
