CREATE TABLE users (id bigint PRIMARY KEY);
INSERT INTO users VALUES (1), ('oops);
