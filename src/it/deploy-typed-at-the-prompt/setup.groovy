import io.github.pgmigrate.testing.ScenarioDatabases

ScenarioDatabases.fresh(basedir)
ScenarioDatabases.throughHostName(basedir)
return true
