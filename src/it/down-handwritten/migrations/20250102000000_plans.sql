-- A new enum value: PostgreSQL cannot drop one again, so its down is written by hand.
CREATE TYPE plan AS ENUM ('free', 'pro');

ALTER TABLE users ADD COLUMN plan plan NOT NULL DEFAULT 'free';
