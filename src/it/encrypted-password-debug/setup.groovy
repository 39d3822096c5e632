import io.github.pgmigrate.testing.ScenarioDatabases
import java.nio.file.Files
import java.nio.file.Path

ScenarioDatabases.fresh(basedir)
def written = ScenarioDatabases.read(basedir.toPath())
def database = written.getProperty('it.db.name')
// The role behind the settings.xml server "pgmigrate-it-deployer" (a fixed name: roles belong to the whole server).
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
// host:port for the postgres:// URL of the "uri" environment
def matcher = written.getProperty('it.db.url') =~ /^jdbc:postgresql:\/\/([^\/]+)\//
assert matcher.find()
new File(basedir, 'test.properties').withWriterAppend('UTF-8') { it << "it.db.hostPort=${matcher.group(1)}\n" }
return true
