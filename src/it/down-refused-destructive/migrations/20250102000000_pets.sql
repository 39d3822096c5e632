CREATE TABLE pets (id bigint PRIMARY KEY, owner bigint NOT NULL REFERENCES users);

INSERT INTO users VALUES (1, 'a@example.com');
