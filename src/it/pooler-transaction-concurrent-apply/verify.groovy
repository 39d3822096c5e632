import io.github.pgmigrate.testing.ScenarioDatabases
import io.github.pgmigrate.testing.ScenarioLog

def log = ScenarioLog.text(basedir)
ScenarioDatabases.assertNoPassword(basedir.toPath(), log)
def builds = ScenarioLog.builds(basedir)
assert builds.size() == 2
def (together, after) = builds

assert together.contains('Using the MultiThreadedBuilder')
assert together.count('transaction pooler (pooler=transaction is configured') == 2
// Every file ran exactly once between the two runs, and neither failed. The run that lost the race skipped each
// file the other had finished while it waited (or, when it started late, found nothing to do).
assert together.count('BUILD SUCCESS') == 1 && !together.contains('BUILD FAILURE')
assert !together.contains('was applied by another run in the meantime')
def applied = (together =~ /Applied (\d+) migrations?/).collect { it[1] as int }.sum() ?: 0
assert applied == 2
def skipped = together.count('applied by another run while this one waited for the lock; skipped')
def idle = together.count('No migration files to execute')
assert skipped > 0 || idle == 1
if (skipped == 2) {
    assert together.contains('Another run applied the 2 pending migration(s) meanwhile')
}

assert after.contains('No migration files to execute')
assert after.contains('BUILD SUCCESS')
assert ScenarioDatabases.pgBouncerLogins(basedir.toPath()) >= 3

ScenarioDatabases.connect(basedir.toPath()).withCloseable { connection ->
    def rs = connection.createStatement().executeQuery("""
        SELECT (SELECT count(*) FROM events),
               (SELECT string_agg(version || ':' || applied || '/' || total, ',' ORDER BY version)
                  FROM atlas_schema_revisions.atlas_schema_revisions)""")
    assert rs.next()
    assert rs.getInt(1) == 2
    assert rs.getString(2) == '20250101000000:3/3,20250102000000:1/1'
}
return true
