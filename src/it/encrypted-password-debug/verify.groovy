import io.github.pgmigrate.testing.ScenarioDatabases

def log = new File(basedir, 'build.log').text
ScenarioDatabases.assertNoPassword(basedir.toPath(), log)
// No power asserts with the password in them: a failure would print it.
if (log.contains('Pa55/w@rd:%+x9Q') || log.contains('w@rd')) {
    throw new AssertionError('the decrypted settings.xml password appears in build.log')
}
assert log.contains('[DEBUG]')
assert log.contains('(f) serverId = pgmigrate-it-deployer')
assert log =~ /Environment default: jdbc:postgresql:\/\/\S+ as pgmigrate_it_deployer/
assert log.contains('Applied 2 migrations')
assert log.contains('BUILD SUCCESS')

ScenarioDatabases.connect(basedir.toPath()).withCloseable { connection ->
    def rs = connection.createStatement().executeQuery(
            "SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = 'public.users'::regclass")
    assert rs.next()
    assert rs.getString(1) == 'pgmigrate_it_deployer'
}
return true
