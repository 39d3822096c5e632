import io.github.pgmigrate.testing.ScenarioDatabases

ScenarioDatabases.fresh(basedir)
ScenarioDatabases.throughPgBouncer(basedir)
return true
