-- pgmigrate:ignore require-concurrent-index-creation -- users is tiny and write-free during deploys
CREATE INDEX users_email_idx ON users (email);
