io.github.pgmigrate.testing.ScenarioDatabases.supabase(basedir)
