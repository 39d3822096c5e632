import io.github.pgmigrate.testing.ScenarioDatabases

ScenarioDatabases.fresh(basedir)
ScenarioDatabases.connect(basedir.toPath()).withCloseable { connection ->
    def statement = connection.createStatement()
    (1..3).each { statement.execute(String.format('CREATE SCHEMA tenant_%02d', it)) }
}
return null
