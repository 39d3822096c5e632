-- A header comment; with a semicolon

-- attached comment
SELECT 1; -- trailing comment; with semicolon
SELECT 2 -- comment inside the statement; still the same statement
  + 3;
/* block before */ SELECT 4;
SELECT 5;-- no space before the comment
--
SELECT 6;
/**/SELECT 7;
SELECT 8 /* unicode ✓ ; */;
SELECT '--not a comment', '/* nor this */';
SELECT 9 -- lone CR ends this comment
SELECT 10; -- carriage returnSELECT 11;
SELECT 12;
-- CRLF comment;
SELECT 13;
