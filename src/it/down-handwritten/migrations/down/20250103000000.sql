-- Rebuild the enum without 'team', moving its users to 'pro' first: the computed plan rebuilds the type too, but
-- fails on rows that hold the removed value.
UPDATE users SET plan = 'pro' WHERE plan = 'team';

ALTER TYPE plan RENAME TO plan_with_team;

CREATE TYPE plan AS ENUM ('free', 'pro');

ALTER TABLE users ALTER COLUMN plan DROP DEFAULT;

ALTER TABLE users ALTER COLUMN plan TYPE plan USING plan::text::plan;

ALTER TABLE users ALTER COLUMN plan SET DEFAULT 'free';

DROP TYPE plan_with_team;
