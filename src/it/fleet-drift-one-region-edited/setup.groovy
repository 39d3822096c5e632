import io.github.pgmigrate.testing.ScenarioDatabases

ScenarioDatabases.freshNamed(basedir, ['eu', 'us', 'ap'])
// A table made by hand in one region (apply runs with allowDirty=true so that it goes ahead there).
ScenarioDatabases.connectNamed(basedir.toPath(), 'us').withCloseable { connection ->
    connection.createStatement().execute('CREATE TABLE hotfix_notes (id int)')
}
return null
