-- Statistics and storage settings take SHARE UPDATE EXCLUSIVE only.
ALTER TABLE app.accounts ALTER COLUMN settings SET STATISTICS 500;
ALTER TABLE app.accounts SET (fillfactor = 90);
