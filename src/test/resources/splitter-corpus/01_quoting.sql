-- Quoting: every form of string and identifier PostgreSQL knows, with delimiters and comment markers inside.
CREATE TABLE "semi;colon" ("a;b" int, "it""s" text);
INSERT INTO "semi;colon" VALUES (1, 'x;y'), (2, 'it''s; -- not a comment');
SELECT E'escaped \' quote; still string', E'back\\slash;', e'lower \n e;';
SELECT 'adjacent' 'continuation;'
  'across lines';
SELECT U&'\0041;' AS u, U&"d\0061t;a" FROM (VALUES (1)) AS v("d\0061t;a");
SELECT B'1010', X'ff;' IS NULL, N'national;';
SELECT $$dollar; body$$, $tag$ with $$ inside; $tag$, $a$$b$$a$;
SELECT $1x$ not a parameter $1x$ FROM (VALUES (1)) v;
SELECT 'a' /* block ; comment */ || 'b';
SELECT 1 /* outer /* nested ; */ still comment ; */ + 2;
SELECT 'ends with backslash \';
SELECT date'2020-01-01', interval '1 day;';
