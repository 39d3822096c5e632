CREATE TABLE public.profiles (id uuid PRIMARY KEY, display_name text NOT NULL);
