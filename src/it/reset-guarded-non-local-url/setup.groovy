import io.github.pgmigrate.testing.ScenarioDatabases

ScenarioDatabases.fresh(basedir)
ScenarioDatabases.renameDatabase(basedir, 'pgm_reset_guard')
ScenarioDatabases.throughHostName(basedir)
ScenarioDatabases.connect(basedir.toPath()).withCloseable { connection ->
    connection.createStatement().execute('CREATE TABLE sentinel (id int)')
}
return true
