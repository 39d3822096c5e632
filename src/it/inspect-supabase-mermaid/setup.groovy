import io.github.pgmigrate.testing.ScenarioDatabases

ScenarioDatabases.supabase(basedir)
ScenarioDatabases.connect(basedir.toPath()).withCloseable { connection ->
    connection.createStatement().execute("""
        CREATE TABLE public.profiles (id uuid PRIMARY KEY REFERENCES auth.users (id), username text UNIQUE NOT NULL);
        CREATE TABLE public.posts (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            author uuid NOT NULL REFERENCES public.profiles (id), body text);
        COMMENT ON TABLE public.posts IS 'what people write';
    """)
}
return null
