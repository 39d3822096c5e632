-- A common first attempt: extend Supabase's own users table.
CREATE INDEX profiles_display_name_idx ON public.profiles (display_name);
ALTER TABLE auth.users ADD COLUMN nickname text;
