CREATE FUNCTION add_one(i int) RETURNS int LANGUAGE plpgsql AS $$
BEGIN
  -- a comment with ; inside the body
  RETURN i + 1;
END;
$$;
CREATE OR REPLACE FUNCTION tagged() RETURNS text LANGUAGE plpgsql AS $body$
DECLARE s text := $q$quoted; $$ text$q$;
BEGIN
  RETURN s;
END
$body$;
CREATE FUNCTION atomic_sum(a int, b int) RETURNS int
    LANGUAGE SQL
BEGIN ATOMIC
  SELECT a + b;
END;
CREATE FUNCTION atomic_case(x int) RETURNS boolean
LANGUAGE SQL
BEGIN ATOMIC
  SELECT CASE WHEN x % 2 = 0 THEN true ELSE false END;
END;
CREATE TABLE counters (n int);
CREATE PROCEDURE bump(k int)
LANGUAGE SQL
BEGIN ATOMIC
  INSERT INTO counters VALUES (k);
  UPDATE counters SET n = n + 1 WHERE n = k;
END;
CREATE OR REPLACE FUNCTION returns_expr(a text) RETURNS boolean
    LANGUAGE SQL
    RETURN a = 'abcd;';
DO $$ BEGIN RAISE NOTICE 'semi; colon'; END $$;
DO LANGUAGE plpgsql $do$ BEGIN PERFORM 1; END $do$;
