import io.github.pgmigrate.testing.ScenarioDatabases

ScenarioDatabases.fresh(basedir)
// The migrations were applied, then someone edited the table by hand (a dashboard, psql).
ScenarioDatabases.connect(basedir.toPath()).withCloseable { connection ->
    connection.createStatement().execute(new File(basedir, 'migrations/20250101000000_users.sql').text)
    connection.createStatement().execute('ALTER TABLE users ADD COLUMN nickname text')
}
return null
