import io.github.pgmigrate.testing.ScenarioDatabases
import io.github.pgmigrate.testing.ScenarioLog

def log = ScenarioLog.text(basedir)
ScenarioDatabases.assertNoPassword(basedir.toPath(), log)
def builds = ScenarioLog.builds(basedir)
assert builds.size() == 2
def (refused, adopted) = builds
assert refused.contains('BUILD FAILURE')
assert refused.contains('connected database is not clean')
assert refused.contains('baseline version or allow-dirty is required')
assert adopted.contains('BUILD SUCCESS')
assert adopted.contains('[1/1] 20250103000000_tags.sql')
assert adopted.contains('Applied 1 migration')
assert !adopted.contains('20250101000000_users.sql  ')

ScenarioDatabases.connect(basedir.toPath()).withCloseable { connection ->
    def rs = connection.createStatement().executeQuery("""
        SELECT (SELECT string_agg(version || ':' || type, ',' ORDER BY version) FROM atlas_schema_revisions.atlas_schema_revisions),
               (SELECT string_agg(email, ',') FROM users),
               to_regclass('public.tags') IS NOT NULL""")
    assert rs.next()
    // type 1 = baseline, 2 = applied; the baselined versions never ran (the existing row is still the only one)
    assert rs.getString(1) == '20250102000000:1,20250103000000:2'
    assert rs.getString(2) == 'existing@example.com'
    assert rs.getBoolean(3)
}
return true
