CREATE TYPE plan AS ENUM ('free', 'pro');

ALTER TABLE users ADD COLUMN plan plan NOT NULL DEFAULT 'free';
