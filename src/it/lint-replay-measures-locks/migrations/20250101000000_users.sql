CREATE TABLE users (id int PRIMARY KEY, note text);
INSERT INTO users SELECT g, 'note ' || g FROM generate_series(1, 3) g;
CREATE DOMAIN label AS text;
CREATE FUNCTION lock_users() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE users IN ACCESS EXCLUSIVE MODE;
END $$;
