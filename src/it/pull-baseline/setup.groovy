import io.github.pgmigrate.testing.ScenarioDatabases

ScenarioDatabases.supabase(basedir)
// A project built in the dashboard, never versioned: its own tables in public next to Supabase's schemas.
ScenarioDatabases.connect(basedir.toPath()).withCloseable { connection ->
    def statement = connection.createStatement()
    statement.execute('CREATE TABLE public.profiles (id uuid PRIMARY KEY REFERENCES auth.users (id), username text UNIQUE)')
    statement.execute('CREATE TABLE public.posts (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,'
            + ' author uuid NOT NULL REFERENCES public.profiles (id), body text)')
}
return true
