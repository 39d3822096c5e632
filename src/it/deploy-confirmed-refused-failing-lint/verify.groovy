import groovy.json.JsonSlurper
import io.github.pgmigrate.testing.ScenarioDatabases
import io.github.pgmigrate.testing.ScenarioLog

def log = ScenarioLog.text(basedir)
ScenarioDatabases.assertNoPassword(basedir.toPath(), log)
def builds = ScenarioLog.builds(basedir)
assert builds.size() == 4
def (refused, lint, deployed, again) = builds

assert refused.contains('BUILD FAILURE')
assert refused.contains("pgmigrate:deploy stopped at step 'confirmation': pgmigrate:deploy refused in batch mode by the production guard")
assert refused.contains('pass -Dpgmigrate.confirm=prod (the environment\'s name, typed out)')
assert refused =~ /apply +not run +stopped at confirmation/
assert !refused.contains('Migrating to version')

assert lint.contains('BUILD FAILURE')
assert lint.contains("pgmigrate:deploy stopped at step 'lint': pgmigrate:lint found 1 error")
assert lint.contains('require-concurrent-index-creation')
assert lint =~ /confirmation +not run +stopped at lint/
assert !lint.contains('Migrating to version')

assert deployed.contains('BUILD SUCCESS')
assert deployed.contains('confirmed: the environment\'s name "prod" was typed')
assert deployed.contains('Applied 2 migrations')
assert deployed.contains('Deploy summary: SUCCEEDED')
assert deployed.contains('version:     none -> 20250102000000')
assert deployed.contains('migrations:  20250101000000_users.sql, 20250102000000_posts.sql')

assert again.contains('BUILD SUCCESS')
assert again.contains('Plan: no drift at 20250102000000')
assert again.contains('not needed: nothing to apply')

def summary = new JsonSlurper().parse(new File(basedir, 'target/pgmigrate/deploy.json'))
assert summary.succeeded == true
assert summary.environment == 'prod'
assert summary.steps*.step == ['validate', 'lint', 'status', 'plan', 'confirmation', 'apply', 'status after apply']
assert summary.steps.every { it.result == 'passed' }

ScenarioDatabases.connect(basedir.toPath()).withCloseable { connection ->
    def rs = connection.createStatement().executeQuery("""
        SELECT (SELECT string_agg(version, ',' ORDER BY version) FROM atlas_schema_revisions.atlas_schema_revisions),
               (SELECT count(*) FROM users)""")
    assert rs.next()
    assert rs.getString(1) == '20250101000000,20250102000000'
    assert rs.getInt(2) == 1
}
return true
