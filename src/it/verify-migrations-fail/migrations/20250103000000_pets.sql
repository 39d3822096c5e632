CREATE TABLE pets (id bigint PRIMARY KEY, owner bigint REFERENCES users);
