-- Rebuild the enum without 'team' (PostgreSQL has no ALTER TYPE ... DROP VALUE).
UPDATE users SET plan = 'pro' WHERE plan = 'team';

ALTER TYPE plan RENAME TO plan_with_team;

CREATE TYPE plan AS ENUM ('free', 'pro');

ALTER TABLE users ALTER COLUMN plan DROP DEFAULT;

ALTER TABLE users ALTER COLUMN plan TYPE plan USING plan::text::plan;

ALTER TABLE users ALTER COLUMN plan SET DEFAULT 'free';

DROP TYPE plan_with_team;
