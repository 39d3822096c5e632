import io.github.pgmigrate.testing.ScenarioDatabases

ScenarioDatabases.fresh(basedir)
// An application table that happens to have the revisions table's name, in the schema the URL binds.
ScenarioDatabases.connect(basedir.toPath()).withCloseable { connection ->
    connection.createStatement().execute(
            "CREATE TABLE public.atlas_schema_revisions (id serial PRIMARY KEY, note text NOT NULL); INSERT INTO public.atlas_schema_revisions (note) VALUES ('mine')")
}
return true
