import io.github.pgmigrate.testing.ScenarioDatabases

ScenarioDatabases.fresh(basedir)
def props = ScenarioDatabases.read(basedir.toPath())
def desiredName = props.getProperty('it.db.name') + '_desired'
ScenarioDatabases.connectAsAdmin(basedir.toPath()).withCloseable { admin ->
    admin.createStatement().execute("CREATE DATABASE ${desiredName} OWNER ${props.getProperty('it.db.user')}")
}
def desiredUrl = props.getProperty('it.db.url').replaceFirst('/' + props.getProperty('it.db.name') + '(\\?|$)', '/' + desiredName + '$1')
new File(basedir, ScenarioDatabases.FILE) << "it.db2.url=${desiredUrl}\n"

def run = { String url, String sql ->
    new org.postgresql.Driver().connect(url, [user: props.getProperty('it.db.user'),
            password: props.getProperty('it.db.password')] as Properties).withCloseable { it.createStatement().execute(sql) }
}
run(props.getProperty('it.db.url'), "CREATE TABLE t (id integer PRIMARY KEY, name text)")
run(desiredUrl, """CREATE TABLE t (id integer PRIMARY KEY, name text, note text DEFAULT 'x');
    CREATE INDEX t_name ON t (name); CREATE VIEW v AS SELECT id, note FROM t""")
return null
