import io.github.pgmigrate.testing.InteractiveMaven
import io.github.pgmigrate.testing.ScenarioDatabases
import io.github.pgmigrate.testing.ScenarioLog

def status = ScenarioLog.text(basedir)
assert status.contains('BUILD SUCCESS')
assert status =~ /20250101000000\s+users\s+pending/

def question = 'Type the environment\'s name (prod) to go on:'
def applied = {
    ScenarioDatabases.connect(basedir.toPath()).withCloseable { connection ->
        def rs = connection.createStatement().executeQuery("""
            SELECT count(*) FROM pg_tables WHERE tablename IN ('users', 'posts')""")
        assert rs.next()
        rs.getInt(1)
    }
}

def wrong = InteractiveMaven.run(basedir, localRepositoryPath, 'production', 'interactive-wrong.log',
        'pgmigrate:deploy')
assert wrong.contains(question)
assert wrong.contains('BUILD FAILURE')
assert wrong.contains('the confirmation "production" is not the environment\'s name "prod"')
assert wrong =~ /apply +not run +stopped at confirmation/
assert !wrong.contains('Migrating to version')
assert applied() == 0

def typed = InteractiveMaven.run(basedir, localRepositoryPath, 'prod', 'interactive-typed.log',
        'pgmigrate:deploy')
assert typed.contains(question)
assert typed.contains('confirmed: the environment\'s name "prod" was typed for the production guard')
assert typed.contains('Applied 2 migrations')
assert typed.contains('BUILD SUCCESS')
assert applied() == 2

[status, wrong, typed].each { ScenarioDatabases.assertNoPassword(basedir.toPath(), it) }
return true
