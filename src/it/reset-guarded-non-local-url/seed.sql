INSERT INTO users VALUES (2, 'grace@example.com');
