--
-- Regression-style script: tables, data, queries and procedural code as a test suite writes them.
--
CREATE TEMP TABLE inventory (
	item     varchar(40),
	qty      int4 CHECK (qty >= 0),
	price    numeric(8,2),
	tags     text[],
	meta     jsonb DEFAULT '{}'
);
INSERT INTO inventory VALUES ('widget', 10, 2.50, '{"small","blue"}', '{"note": "it''s; fine"}');
INSERT INTO inventory VALUES ('gadget', 0, 10, ARRAY['big'], $j${"semi": ";", "dollar": "$"}$j$);
INSERT INTO inventory (item, qty) SELECT 'bulk' || g, g FROM generate_series(1, 3) g;
SELECT item, qty * price AS total FROM inventory WHERE qty > 0 ORDER BY 1;
SELECT count(*) FILTER (WHERE qty = 0), string_agg(item, ';' ORDER BY item) FROM inventory;
SELECT item FROM inventory WHERE tags @> '{blue}' AND meta ->> 'note' LIKE '%;%';
UPDATE inventory SET qty = qty - 1 WHERE item = 'widget' RETURNING item, qty;
DELETE FROM inventory WHERE item ~ '^bulk[0-9]+$';
-- a function whose body uses every kind of quoting
CREATE FUNCTION describe_item(name text) RETURNS text AS '
  SELECT ''item: '' || $1 || '';''
' LANGUAGE sql IMMUTABLE;
SELECT describe_item('x');
CREATE FUNCTION trg_fn() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  IF NEW.qty < 0 THEN
    RAISE EXCEPTION 'negative qty for %; refused', NEW.item;
  END IF;
  RETURN NEW;
END $fn$;
CREATE TRIGGER inventory_check BEFORE INSERT OR UPDATE ON inventory
  FOR EACH ROW EXECUTE FUNCTION trg_fn();
SELECT CASE WHEN qty > 5 THEN 'many' WHEN qty > 0 THEN 'some' ELSE 'none' END FROM inventory;
SELECT * FROM (SELECT 1 AS a UNION ALL SELECT 2) s(a) WHERE a IN (SELECT 1);
EXPLAIN (COSTS OFF) SELECT * FROM inventory;
SELECT 'multi
line; string', $$multi
line; dollar$$;
/*
 * A closing block comment at the end of the file; with a semicolon.
 */
SELECT 'the end';
