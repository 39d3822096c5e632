-- Hand-written down of 20250101090400_moderator_role.sql: PostgreSQL cannot drop an enum value, so the type is
-- rebuilt without it, after moderators become members (the computed plan would fail on their rows).
-- pgmigrate:down and pgmigrate:verify-migrations run this file instead of a computed plan.
UPDATE users SET role = 'member' WHERE role = 'moderator';

ALTER TYPE user_role RENAME TO user_role_with_moderator;

CREATE TYPE user_role AS ENUM ('member', 'admin');

ALTER TABLE users ALTER COLUMN role DROP DEFAULT;

ALTER TABLE users ALTER COLUMN role TYPE user_role USING role::text::user_role;

ALTER TABLE users ALTER COLUMN role SET DEFAULT 'member';

DROP TYPE user_role_with_moderator;
