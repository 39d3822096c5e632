CREATE TABLE public.profiles (id uuid PRIMARY KEY REFERENCES auth.users (id));
