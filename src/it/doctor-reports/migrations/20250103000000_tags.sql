CREATE TABLE tags (name text PRIMARY KEY);
