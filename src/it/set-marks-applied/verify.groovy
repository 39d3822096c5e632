import io.github.pgmigrate.testing.ScenarioDatabases
import io.github.pgmigrate.testing.ScenarioLog

def log = ScenarioLog.text(basedir)
ScenarioDatabases.assertNoPassword(basedir.toPath(), log)
def builds = ScenarioLog.builds(basedir)
assert builds.size() == 2
def (set, apply) = builds
assert set.contains('BUILD SUCCESS')
assert set.contains('Current version is 20250101000000 (1 set, 0 removed)')
assert set =~ /\+ 20250101000000 \(users\)/
assert apply.contains('BUILD SUCCESS')
assert apply.contains('[1/2] 20250102000000_posts.sql')
assert apply.contains('[2/2] 20250103000000_tags.sql')
assert !apply.contains('20250101000000_users.sql  ')

ScenarioDatabases.connect(basedir.toPath()).withCloseable { connection ->
    def rs = connection.createStatement().executeQuery("""
        SELECT (SELECT string_agg(version || ':' || type || ':' || applied || '/' || total, ',' ORDER BY version)
                  FROM atlas_schema_revisions.atlas_schema_revisions),
               (SELECT count(*) FROM users),
               (SELECT hash FROM atlas_schema_revisions.atlas_schema_revisions WHERE version = '20250101000000')""")
    assert rs.next()
    // type 4 = manually set; the users file never ran, so its INSERT did not happen
    assert rs.getString(1).startsWith('20250101000000:4:')
    assert rs.getString(1).contains('20250102000000:2:2/2,20250103000000:2:1/1')
    assert rs.getLong(2) == 0
    assert new File(basedir, 'migrations/atlas.sum').text.contains("20250101000000_users.sql h1:${rs.getString(3)}")
}
return true
