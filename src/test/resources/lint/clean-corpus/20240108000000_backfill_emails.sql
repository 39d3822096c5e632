-- atlas:txmode none

-- Backfill outside the DDL transaction; each statement commits on its own.
UPDATE app.accounts SET email = 'unknown+' || id || '@example.invalid' WHERE email IS NULL AND id < 100000;
UPDATE app.accounts SET email = 'unknown+' || id || '@example.invalid' WHERE email IS NULL;
