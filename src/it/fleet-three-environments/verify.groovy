import io.github.pgmigrate.testing.ScenarioDatabases

def log = new File(basedir, 'build.log').text
ScenarioDatabases.assertNoPassword(basedir.toPath(), log)
assert log.contains('Running on 3 target(s), 3 at a time')
assert log.contains('3 target(s): 3 ok, 0 need attention, 0 failed, 0 not run')
['eu', 'us', 'ap'].each { assert log.contains('[' + it + '] Applied 2 migration') }
assert log =~ /(?m)^\[INFO\] us\s+- -> 20250102000000\s+2\s+/
assert log =~ /\[3\/3\] \w\w: OK/
assert log.count('BUILD SUCCESS') == 2

def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/pgmigrate/fleet-apply.json'))
assert report.targets == 3 && report.failed == 0
assert report.outcomes*.target == ['eu', 'us', 'ap']
assert new File(basedir, 'target/pgmigrate/fleet-status.json').exists()

['eu', 'us', 'ap'].each { name ->
    ScenarioDatabases.connectNamed(basedir.toPath(), name).withCloseable { connection ->
        def rs = connection.createStatement().executeQuery(
                "SELECT (SELECT region = current_database() FROM accounts), (SELECT count(*) FROM atlas_schema_revisions.atlas_schema_revisions)")
        assert rs.next()
        assert rs.getBoolean(1)
        assert rs.getInt(2) == 2
    }
}
return true
