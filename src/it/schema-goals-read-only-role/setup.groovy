import io.github.pgmigrate.testing.ScenarioDatabases

ScenarioDatabases.fresh(basedir)
def written = ScenarioDatabases.read(basedir.toPath())
def database = written.getProperty('it.db.name')
// Migrated, then edited by hand, by the owner.
ScenarioDatabases.connect(basedir.toPath()).withCloseable { connection ->
    connection.createStatement().execute(new File(basedir, 'migrations/20250101000000_users.sql').text)
    connection.createStatement().execute('ALTER TABLE users ADD COLUMN nickname text')
}
// A fixed role name (roles belong to the whole server), reduced to CONNECT and USAGE.
def password = 'r3ad-0nly-' + UUID.randomUUID().toString().substring(0, 8)
ScenarioDatabases.createPasswordRole(basedir.toPath(), 'pgmigrate_it_reader', password)
ScenarioDatabases.connectAsAdmin(basedir.toPath()).withCloseable { admin ->
    def statement = admin.createStatement()
    statement.execute("REVOKE CREATE ON DATABASE ${database} FROM pgmigrate_it_reader, PUBLIC")
    statement.execute("REVOKE TEMPORARY ON DATABASE ${database} FROM PUBLIC")
    statement.execute("REVOKE CREATE ON SCHEMA public FROM pgmigrate_it_reader, PUBLIC")
    statement.execute("GRANT CONNECT ON DATABASE ${database} TO pgmigrate_it_reader")
    statement.execute("GRANT USAGE ON SCHEMA public TO pgmigrate_it_reader")
}
// The role really is that small: it may not read the table, nor create anything.
def props = new Properties()
props.setProperty('user', 'pgmigrate_it_reader')
props.setProperty('password', password)
new org.postgresql.Driver().connect(written.getProperty('it.db.url'), props).withCloseable { reader ->
    ['SELECT * FROM public.users', 'CREATE TABLE public.probe (id int)', 'CREATE TEMPORARY TABLE probe (id int)'].each { sql ->
        try {
            reader.createStatement().execute(sql)
            throw new AssertionError("the reader role could run: ${sql}")
        } catch (java.sql.SQLException expected) {
            assert expected.SQLState == '42501': "${sql}: ${expected.message}"
        }
    }
}
new File(basedir, ScenarioDatabases.FILE).withWriterAppend('UTF-8') { it << "it.reader.password=${password}\n" }
return null
