io.github.pgmigrate.testing.ScenarioDatabases.fresh(basedir)
