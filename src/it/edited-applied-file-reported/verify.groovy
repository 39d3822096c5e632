import io.github.pgmigrate.testing.ScenarioDatabases
import io.github.pgmigrate.testing.ScenarioLog

def log = ScenarioLog.text(basedir)
ScenarioDatabases.assertNoPassword(basedir.toPath(), log)
def builds = ScenarioLog.builds(basedir)
assert builds.size() == 3
def (first, strict, lenient) = builds
def sums = new File(basedir, 'migrations-as-applied/atlas.sum').text + new File(basedir, 'migrations/atlas.sum').text
def hashes = (sums =~ /20250101000000_users\.sql (h1:\S+)/).collect { it[1] }
assert hashes.size() == 2 && hashes[0] != hashes[1]
def change = "applied migration 20250101000000_users.sql has changed since it was applied on "

assert first.contains('Applied 1 migration')
assert strict.contains('BUILD FAILURE')
assert strict.contains(change)
assert strict.contains("its atlas.sum hash was ${hashes[0]} and is now ${hashes[1]}")
assert strict.contains('an applied migration must never change')
assert !strict.contains('Applied 1 migration')
assert lenient.contains('BUILD SUCCESS')
assert lenient =~ /\[WARNING\] applied migration 20250101000000_users\.sql has changed since it was applied on /
assert lenient.contains('Databases that already ran it will not get the change')
assert lenient.contains('[1/1] 20250102000000_teams.sql')

ScenarioDatabases.connect(basedir.toPath()).withCloseable { connection ->
    def rs = connection.createStatement().executeQuery("""
        SELECT (SELECT string_agg(version || ' h1:' || hash, ',' ORDER BY version) FROM atlas_schema_revisions.atlas_schema_revisions),
               (SELECT count(*) FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'name')""")
    assert rs.next()
    def revisions = rs.getString(1).split(',')
    // the revision keeps the hash of what ran; the edit never reached the database
    assert revisions[0] == "20250101000000 ${hashes[0]}".toString()
    assert revisions[1].startsWith('20250102000000 h1:')
    assert rs.getInt(2) == 0
}
return true
