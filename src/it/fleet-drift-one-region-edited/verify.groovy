import io.github.pgmigrate.testing.ScenarioDatabases
import io.github.pgmigrate.testing.ScenarioLog

def builds = ScenarioLog.builds(basedir)
assert builds.size() == 3
ScenarioDatabases.assertNoPassword(basedir.toPath(), new File(basedir, 'build.log').text)
assert builds[0].contains('BUILD SUCCESS')

// 2: only us drifted; its block names the table and the SQL; the run fails naming us.
assert builds[1].contains('Running on 3 target(s)')
assert builds[1].contains('[us] Drift: 1 difference(s) between the live schema and the migration directory')
assert builds[1].contains('[us]   table public.hotfix_notes: exists: live present, migrations (missing)')
assert builds[1].contains('[us]   DROP TABLE public.hotfix_notes;')
assert builds[1].contains('[eu] No drift')
assert builds[1].contains('[ap] No drift')
assert builds[1].contains('3 target(s): 2 ok, 0 need attention, 1 failed, 0 not run')
assert builds[1].contains('1 of 3 target(s) failed: us.')
assert !builds[1].contains('a re-run only does')
assert builds[1].contains('BUILD FAILURE')

// 3: a report only.
assert builds[2].contains('3 target(s): 2 ok, 1 need attention, 0 failed, 0 not run')
assert builds[2].contains('BUILD SUCCESS')
def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/pgmigrate/fleet-drift.json'))
assert report.targets == 3
assert report.outcomes.find { it.target == 'us' }.message == '1 difference(s)'
assert report.outcomes.find { it.target == 'eu' }.message == 'no drift'

// drift runs nothing: the table is still in us.
ScenarioDatabases.connectNamed(basedir.toPath(), 'us').withCloseable { connection ->
    def rs = connection.createStatement().executeQuery("SELECT to_regclass('public.hotfix_notes') IS NOT NULL")
    assert rs.next() && rs.getBoolean(1)
}
return true
