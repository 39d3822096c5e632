CREATE TABLE comments (id bigint PRIMARY KEY, body text NOT NULL);
