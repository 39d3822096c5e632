import io.github.pgmigrate.testing.ScenarioDatabases

def log = new File(basedir, 'build.log').text
ScenarioDatabases.assertNoPassword(basedir.toPath(), log)
assert log.contains('Applied 1 migration')
assert log.contains('Migration Status: PENDING')
assert log.contains('-- Current Version: 20250101000000')
assert log.contains('-- Next Version:    20250102000000')
assert log.contains('-- Pending Files:   1')
assert log =~ /20250101000000\s+users\s+applied\s+.*2\/2/
assert log =~ /20250102000000\s+posts\s+pending/
assert log.count('BUILD SUCCESS') == 1
assert log.count('BUILD FAILURE') == 1
// The second build printed the same table, then failed with MojoFailureException naming what is pending.
def failure = log.substring(log.indexOf('BUILD SUCCESS'))
assert failure.contains('Migration Status: PENDING')
assert failure.contains('the database is not up to date: 1 migration(s) pending (next: 20250102000000)')
assert failure.contains('MojoFailureException')

ScenarioDatabases.connect(basedir.toPath()).withCloseable { connection ->
    def rs = connection.createStatement().executeQuery(
            "SELECT string_agg(version, ',' ORDER BY version), to_regclass('public.users') IS NOT NULL, to_regclass('public.posts') IS NULL FROM atlas_schema_revisions.atlas_schema_revisions")
    assert rs.next()
    assert rs.getString(1) == '20250101000000'
    assert rs.getBoolean(2)
    assert rs.getBoolean(3)
}
// machine-readable copies: apply.json from the first build, status.json from the last one
def json = new groovy.json.JsonSlurper()
def applied = json.parse(new File(basedir, 'target/pgmigrate/apply.json'))
assert applied.dryRun == false && applied.fromVersion == null && applied.toVersion == '20250101000000'
assert applied.files*.name == ['20250101000000_users.sql'] && applied.files[0].statements == 2
def status = json.parse(new File(basedir, 'target/pgmigrate/status.json'))
assert status.status == 'PENDING' && status.currentVersion == '20250101000000' && status.nextVersion == '20250102000000'
assert status.pendingFiles == 1 && status.changedFiles == []
assert status.migrations*.state == ['applied', 'pending']
return true
