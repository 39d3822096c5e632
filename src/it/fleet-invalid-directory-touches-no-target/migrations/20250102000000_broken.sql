INSERT INTO orders VALUES (1);
COMMENT ON TABLE orders IS 'unterminated;
