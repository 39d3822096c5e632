import io.github.pgmigrate.testing.ScenarioDatabases
import io.github.pgmigrate.testing.ScenarioLog

ScenarioDatabases.assertNoPassword(basedir.toPath(), ScenarioLog.text(basedir))
def builds = ScenarioLog.builds(basedir)
assert builds.size() == 6
def (applied, gate, dryRun, repair, statusAfter, strictApply) = builds
def hashesIn = { String dir ->
    def sum = new File(basedir, "${dir}/atlas.sum").text
    ['20250101000000_users.sql', '20250102000000_teams.sql'].collect { (sum =~ /${it} h1:(\S+)/)[0][1] }
}
def ran = hashesIn('migrations-as-applied')
def now = hashesIn('migrations')
assert ran[0] != now[0] && ran[1] != now[1]

def history = {
    ScenarioDatabases.connect(basedir.toPath()).withCloseable { connection ->
        def rs = connection.createStatement().executeQuery("""
            SELECT string_agg(version || ' ' || hash || ' ' || type || ' ' || applied || '/' || total, ','
                              ORDER BY version) FROM atlas_schema_revisions.atlas_schema_revisions""")
        rs.next()
        rs.getString(1)
    }
}

assert applied.contains('Applied 2 migrations')

assert gate.contains('BUILD FAILURE')
assert gate.contains('Migration Status: CHANGED')
assert gate.contains("-- 20250101000000_users.sql: ran as h1:${ran[0]}, now h1:${now[0]}")
assert gate.contains("-- 20250102000000_teams.sql: ran as h1:${ran[1]}, now h1:${now[1]}")
assert gate.contains('2 applied migration file(s) changed since they ran (20250101000000_users.sql, 20250102000000_teams.sql)')

assert dryRun.contains('BUILD SUCCESS')
assert dryRun.contains('[dry run] Applied files changed since they ran (2):')
assert dryRun.contains("~ 20250101000000_users.sql  h1:${ran[0]} -> h1:${now[0]}")
assert dryRun.contains('[dry run] nothing was written')

assert repair.contains('BUILD SUCCESS')
assert repair.contains("~ 20250102000000_teams.sql  h1:${ran[1]} -> h1:${now[1]}")
assert repair.contains('Recorded the current hashes of 2 applied file(s) in "atlas_schema_revisions"."atlas_schema_revisions"; no migration was run')

assert statusAfter.contains('BUILD SUCCESS')
assert statusAfter.contains('"status" : "OK"')
assert !statusAfter.contains('Migration Status:')
assert new groovy.json.JsonSlurper().parse(new File(basedir, 'target/pgmigrate/status.json')).changedFiles == []
assert !statusAfter.contains('file changed')

assert strictApply.contains('BUILD SUCCESS')
assert strictApply.contains('No migration files to execute')
assert !strictApply.contains('has changed since it was applied')

// the hashes are now the edited files'; type and progress are as apply wrote them; the edit itself never ran
assert history() == "20250101000000 ${now[0]} 2 1/1,20250102000000 ${now[1]} 2 1/1".toString()
ScenarioDatabases.connect(basedir.toPath()).withCloseable { connection ->
    def rs = connection.createStatement().executeQuery(
            "SELECT count(*) FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'name'")
    rs.next()
    assert rs.getInt(1) == 0
}
return true
