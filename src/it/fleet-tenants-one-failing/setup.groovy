import io.github.pgmigrate.testing.ScenarioDatabases

// One database with 50 tenant schemas; tenant_13 already holds a table, so its first apply is refused as not clean.
ScenarioDatabases.fresh(basedir)
ScenarioDatabases.connect(basedir.toPath()).withCloseable { connection ->
    def statement = connection.createStatement()
    (1..50).each { statement.execute(String.format('CREATE SCHEMA tenant_%02d', it)) }
    statement.execute('CREATE TABLE tenant_13.legacy (id int)')
}
return null
