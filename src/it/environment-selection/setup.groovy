import io.github.pgmigrate.testing.ScenarioDatabases
import java.nio.file.Files
import java.nio.file.Path

ScenarioDatabases.fresh(basedir)
def written = ScenarioDatabases.read(basedir.toPath())
def database = written.getProperty('it.db.name')
// The role behind the settings.xml server "pgmigrate-it-deployer" (a fixed name: roles belong to the whole server).
def passwordChecked = false
ScenarioDatabases.connectAsAdmin(basedir.toPath()).withCloseable { admin ->
    def statement = admin.createStatement()
    statement.execute("SET password_encryption = 'scram-sha-256'")
    statement.execute('''DO $$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'pgmigrate_it_deployer') THEN
            CREATE ROLE pgmigrate_it_deployer LOGIN;
        END IF; END $$''')
    statement.execute("ALTER ROLE pgmigrate_it_deployer PASSWORD 'Pa55/w@rd:%+x9Q'")
    statement.execute("GRANT CREATE ON DATABASE ${database} TO pgmigrate_it_deployer")
    statement.execute("GRANT USAGE, CREATE ON SCHEMA public TO pgmigrate_it_deployer")
    // so that the default environment (the database owner) can read the history the deployer writes
    statement.execute("GRANT pgmigrate_it_deployer TO ${written.getProperty('it.db.user')}")
    // Make the server check this role's password when its configuration file is at hand (embedded server), so
    // only a correctly decrypted / decoded password gets in.
    def rs = statement.executeQuery('SHOW hba_file')
    rs.next()
    def hba = Path.of(rs.getString(1))
    if (Files.isWritable(hba)) {
        def rule = 'host all pgmigrate_it_deployer all scram-sha-256'
        def text = Files.readString(hba)
        if (!text.contains(rule)) {
            Files.writeString(hba, rule + '\n' + text)
            statement.execute('SELECT pg_reload_conf()')
        }
    }
}
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
