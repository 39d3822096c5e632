import io.github.pgmigrate.testing.ScenarioDatabases
import io.github.pgmigrate.testing.ScenarioLog

ScenarioDatabases.assertNoPassword(basedir.toPath(), ScenarioLog.text(basedir))
def (first, rerun) = ScenarioLog.builds(basedir)
assert first.contains('BUILD FAILURE')

assert first.contains('Running on 50 target(s), 3 at a time')
assert first.contains('50 target(s): 49 ok, 0 need attention, 1 failed, 0 not run')
assert first =~ /(?m)^\[INFO\] it\/tenant_13\s+- -> -\s+0\s+\S+ s\s+FAILED$/
assert first.contains('[it/tenant_13] ') && first.contains('not clean')
assert first.contains('1 of 50 target(s) failed: it/tenant_13.')

assert rerun.contains('50 target(s): 50 ok, 0 need attention, 0 failed, 0 not run')
assert rerun =~ /(?m)^\[INFO\] it\/tenant_13\s+- -> 20250102000000\s+2\s/
assert rerun =~ /(?m)^\[INFO\] it\/tenant_01\s+20250102000000 -> 20250102000000\s+0\s/
assert rerun.contains('BUILD SUCCESS')

def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/pgmigrate/fleet-apply.json'))
assert report.targets == 50 && report.failed == 0

ScenarioDatabases.connect(basedir.toPath()).withCloseable { connection ->
    def rs = connection.createStatement().executeQuery("""
        SELECT (SELECT count(*) FROM pg_tables WHERE tablename = 'orders' AND schemaname LIKE 'tenant\\_%'),
               (SELECT count(*) FROM pg_tables WHERE tablename = 'atlas_schema_revisions' AND schemaname LIKE 'tenant\\_%'),
               (SELECT count(*) FROM tenant_13.atlas_schema_revisions)""")
    assert rs.next()
    assert rs.getInt(1) == 50
    assert rs.getInt(2) == 50
    assert rs.getInt(3) == 2
}
return true
