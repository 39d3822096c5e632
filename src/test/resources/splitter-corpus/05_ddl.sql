CREATE SCHEMA app;
CREATE TYPE app.mood AS ENUM ('sad', 'ok;', 'happy');
CREATE TABLE app.people (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name text NOT NULL DEFAULT 'a;b',
    mood app.mood,
    CONSTRAINT name_not_empty CHECK (name <> '' AND name !~ ';')
);
CREATE INDEX people_name ON app.people ((lower(name)));
CREATE RULE people_log AS ON INSERT TO app.people DO ALSO (SELECT 1; SELECT 2);
CREATE VIEW app.v AS SELECT id, name FROM app.people WHERE name LIKE '%;%';
COMMENT ON TABLE app.people IS 'people; the table';
ALTER TABLE app.people ADD COLUMN note text DEFAULT $$x;y$$;
CREATE TABLE app.arr (a int[] DEFAULT '{1,2}', b text[] DEFAULT ARRAY['x;', 'y']);
SELECT (ARRAY[1,2,3])[2], '{"a": ";"}'::jsonb -> 'a', 1::numeric(10, 2), 3 ! = 3 IS NOT NULL;
SELECT 1 <> 2, 2 >= 1, 'a' || 'b', 5 % 3, @ -5, |/ 25.0, 2 ^ 3;
SELECT $1;
PREPARE p(int) AS SELECT $1 + 1;
EXECUTE p(1);
DEALLOCATE p;
WITH t AS (SELECT 1 AS x; ) SELECT 1;
SELECT 1;;
;
SELECT 'last statement without semicolon'
