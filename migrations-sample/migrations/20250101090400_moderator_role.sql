-- A new enum value; since PostgreSQL 12 this may run inside a transaction.
ALTER TYPE user_role ADD VALUE IF NOT EXISTS 'moderator' BEFORE 'admin';
