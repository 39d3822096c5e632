CREATE TABLE profiles (
  id uuid PRIMARY KEY REFERENCES auth.users (id) ON DELETE CASCADE,
  display_name text
);
ALTER TABLE profiles ENABLE ROW LEVEL SECURITY;
