CREATE INDEX profiles_display_name_idx ON profiles (display_name);
ALTER TABLE auth.users ADD COLUMN nickname text;
