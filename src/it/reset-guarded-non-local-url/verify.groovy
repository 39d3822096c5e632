import io.github.pgmigrate.testing.ScenarioDatabases
import io.github.pgmigrate.testing.ScenarioLog

def log = ScenarioLog.text(basedir)
ScenarioDatabases.assertNoPassword(basedir.toPath(), log)
def builds = ScenarioLog.builds(basedir)
assert builds.size() == 6
def (applied, batch, wrong, protectedEnv, inPom, confirmed) = builds
assert applied.contains('Applied 2 migrations')
assert batch.contains('pgmigrate:reset refused in batch mode by the production guard')
assert batch.contains('is not this machine')
assert batch.contains('pass -Dpgmigrate.confirm=pgm_reset_guard (the database\'s name, typed out)')
assert wrong.contains('the confirmation "postgres" is not the database\'s name "pgm_reset_guard"')
assert protectedEnv.contains('pgmigrate:reset refused by the protected guard: environment "prod" is marked <protected>true</protected>')
assert inPom.contains("<confirm>/-Dpgmigrate.confirm: 'pgm_reset_guard' is set in the POM, where it would confirm every run")
[batch, wrong, protectedEnv, inPom].each {
    assert it.contains('BUILD FAILURE')
    assert !it.contains('Cleaning ') && !it.contains('DROP TABLE')
}
assert confirmed.contains('confirmed: the database\'s name "pgm_reset_guard" was typed')
assert confirmed.contains('DROP TABLE public.sentinel')
assert confirmed.contains('Reset done: ')
assert confirmed.contains('BUILD SUCCESS')

ScenarioDatabases.connect(basedir.toPath()).withCloseable { connection ->
    def rs = connection.createStatement().executeQuery("""
        SELECT (SELECT string_agg(email, ',' ORDER BY id) FROM users),
               (SELECT count(*) FROM atlas_schema_revisions.atlas_schema_revisions),
               to_regclass('public.sentinel') IS NULL""")
    assert rs.next()
    assert rs.getString(1) == 'ada@example.com,grace@example.com'
    assert rs.getInt(2) == 2
    assert rs.getBoolean(3)
}
return true
