import io.github.pgmigrate.testing.ScenarioDatabases
import io.github.pgmigrate.testing.ScenarioLog

def log = ScenarioLog.text(basedir)
ScenarioDatabases.assertNoPassword(basedir.toPath(), log)
// No power asserts with the secret in them: a failure would print it.
['Env-Secret/9z%Q', 'Env-Secret%2F9z%25Q', 'Env-Secret'].each {
    if (log.contains(it)) {
        throw new AssertionError('a secret passed in a safe form appears in build.log')
    }
}
def builds = ScenarioLog.builds(basedir)
assert builds.size() == 5
def (fromEnvReference, fromPgpassword, fromPgpass, urlFromEnv, literal) = builds
builds.each { assert it.contains('[DEBUG]') }
builds.take(4).each { assert !it.contains('-X prints the plugin') }

assert fromEnvReference.contains('(f) password = env:PGMIGRATE_IT_PASSWORD')
assert fromEnvReference.contains('(f) user = env:PGMIGRATE_IT_USER')
assert fromEnvReference =~ /Environment default: jdbc:postgresql:\/\/\S+ as pgmigrate_it_secrets\n/
assert fromEnvReference.contains('Applied 2 migrations')
assert fromEnvReference.contains('BUILD SUCCESS')

assert fromPgpassword.contains('as pgmigrate_it_secrets (password from PGPASSWORD)')
assert fromPgpassword.contains('Migration Status: OK')
assert fromPgpassword.contains('BUILD SUCCESS')

assert fromPgpass.contains('as pgmigrate_it_secrets (password from the password file (PGPASSFILE or ~/.pgpass))')
assert fromPgpass.contains('Migration Status: OK')
assert fromPgpass.contains('BUILD SUCCESS')

assert urlFromEnv.contains('Environment default: postgres://pgmigrate_it_secrets:****@127.0.0.1:1/app as pgmigrate_it_secrets')
assert urlFromEnv.contains('cannot connect to postgres://pgmigrate_it_secrets:****@127.0.0.1:1/app')
assert urlFromEnv.contains('BUILD FAILURE')

assert literal.contains('-X prints the plugin\'s parameters, and so the secret in <password> (or -Dpgmigrate.url /'
        + ' -Dpgmigrate.password), in plain text above.')
assert literal.contains('env:NAME')
assert literal.contains('BUILD FAILURE')

ScenarioDatabases.connectAsAdmin(basedir.toPath()).withCloseable { connection ->
    def rs = connection.createStatement().executeQuery(
            "SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = 'public.users'::regclass")
    assert rs.next()
    assert rs.getString(1) == 'pgmigrate_it_secrets'
}
return true
