import io.github.pgmigrate.testing.ScenarioDatabases
import io.github.pgmigrate.testing.ScenarioLog

def log = ScenarioLog.text(basedir)
ScenarioDatabases.assertNoPassword(basedir.toPath(), log)
// No power asserts with the password in them: a failure would print it.
if (log.contains('Pa55/w@rd:%+x9Q') || log.contains('Pa55%2Fw%40rd%3A%25%2Bx9Q') || log.contains('w@rd')) {
    throw new AssertionError('the deployer password (plain or percent-encoded) appears in build.log')
}
def builds = ScenarioLog.builds(basedir)
assert builds.size() == 3
def (encrypted, uri, owner) = builds
assert encrypted =~ /Environment encrypted: jdbc:postgresql:\/\/\S+ as pgmigrate_it_deployer/
assert encrypted.contains('Applied 2 migrations')
assert encrypted.contains('BUILD SUCCESS')
assert uri =~ /Environment uri: \S+ as pgmigrate_it_deployer/
assert uri.contains('Migration Status: OK')
assert uri.contains('BUILD SUCCESS')
assert owner =~ /Environment owner: \S+ as o_t_/
assert owner.contains('Migration Status: OK')
assert owner.contains('BUILD SUCCESS')

ScenarioDatabases.connect(basedir.toPath()).withCloseable { connection ->
    def rs = connection.createStatement().executeQuery("""
        SELECT string_agg(DISTINCT pg_get_userbyid(relowner), ',') FROM pg_class
         WHERE oid IN ('public.users'::regclass, 'public.posts'::regclass)""")
    assert rs.next()
    // the apply ran as the settings.xml server's user
    assert rs.getString(1) == 'pgmigrate_it_deployer'
}
def written = ScenarioDatabases.read(basedir.toPath())
println "[environment-selection] server checks the deployer's password: ${written.getProperty('it.deployer.passwordChecked')}"
if (written.getProperty('it.deployer.passwordChecked') == 'true') {
    // the server really checks this role's password, so the builds above got the decrypted / decoded one right
    def credentials = new Properties()
    credentials.setProperty('user', 'pgmigrate_it_deployer')
    credentials.setProperty('password', 'wrong')
    try {
        new org.postgresql.Driver().connect(written.getProperty('it.db.url'), credentials).close()
        throw new AssertionError('a wrong password was accepted for pgmigrate_it_deployer')
    } catch (java.sql.SQLException expected) {
        assert expected.SQLState == '28P01'
    }
}
return true
