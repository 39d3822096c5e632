import io.github.pgmigrate.testing.ScenarioDatabases

ScenarioDatabases.fresh(basedir)
// The first version's schema was created by hand (e.g. restored from a dump).
ScenarioDatabases.connect(basedir.toPath()).withCloseable { connection ->
    connection.createStatement().execute('CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL)')
}
return true
