import io.github.pgmigrate.testing.ScenarioDatabases

ScenarioDatabases.fresh(basedir)
def written = ScenarioDatabases.read(basedir.toPath())
// The role behind the settings.xml server "pgmigrate-it-deployer" (a fixed name: roles belong to the whole server).
ScenarioDatabases.createPasswordRole(basedir.toPath(), 'pgmigrate_it_deployer', 'Pa55/w@rd:%+x9Q')
// so that the default environment (the database owner) can read the history the deployer writes
ScenarioDatabases.connectAsAdmin(basedir.toPath()).withCloseable { admin ->
    admin.createStatement().execute("GRANT pgmigrate_it_deployer TO ${written.getProperty('it.db.user')}")
}
def passwordChecked = false
// Does the server check this role's password (the container does for TCP; the embedded one after the rule above)?
def wrong = new Properties()
wrong.setProperty('user', 'pgmigrate_it_deployer')
wrong.setProperty('password', 'wrong')
// (pg_reload_conf only signals the server, so give it a moment to read the rule)
for (int attempt = 0; attempt < 20 && !passwordChecked; attempt++) {
    try {
        new org.postgresql.Driver().connect(written.getProperty('it.db.url'), wrong).close()
        Thread.sleep(100)
    } catch (java.sql.SQLException refused) {
        passwordChecked = refused.SQLState == '28P01'
    }
}
// host:port for the postgres:// URL of the "uri" environment
def matcher = written.getProperty('it.db.url') =~ /^jdbc:postgresql:\/\/([^\/]+)\//
assert matcher.find()
new File(basedir, 'test.properties').withWriterAppend('UTF-8') { it << "it.db.hostPort=${matcher.group(1)}\nit.deployer.passwordChecked=${passwordChecked}\n" }
return true
