import io.github.pgmigrate.testing.ScenarioDatabases
import io.github.pgmigrate.testing.ScenarioLog

def log = ScenarioLog.text(basedir)
ScenarioDatabases.assertNoPassword(basedir.toPath(), log)
def builds = ScenarioLog.builds(basedir)
assert builds.size() == 3
def (failed, partial, resumed) = builds

assert failed.contains('BUILD FAILURE')
assert failed.contains('20250102000000_seed.sql:4: statement 2 of 3 failed: relation "item" does not exist (SQLSTATE 42P01)')
assert failed.contains('INSERT INTO item VALUES (2);')

assert partial.contains('BUILD SUCCESS')
assert partial.contains('Migration Status: PENDING')
assert partial.contains('(last one partially)')
assert partial.contains('Last migration attempt had errors:')
assert partial.contains('-- ERROR: relation "item" does not exist')
assert partial =~ /20250102000000\s+seed\s+(failed|partially applied)\s+.*1\/3/

assert resumed.contains('BUILD SUCCESS')
assert resumed.contains('20250102000000_seed.sql  2 statements')
assert resumed.contains('(resumed at statement 2)')
assert resumed.contains('Migration Status: OK')

ScenarioDatabases.connect(basedir.toPath()).withCloseable { connection ->
    def rs = connection.createStatement().executeQuery("""
        SELECT (SELECT string_agg(id::text, ',' ORDER BY id) FROM items),
               (SELECT applied || '/' || total || ' error=' || error FROM atlas_schema_revisions.atlas_schema_revisions
                 WHERE version = '20250102000000')""")
    assert rs.next()
    // statement 1 ran once (a second run would have hit the primary key), 2 and 3 after the fix
    assert rs.getString(1) == '1,2,3'
    assert rs.getString(2) == '3/3 error='
}
return true
