import io.github.pgmigrate.testing.ScenarioDatabases
import io.github.pgmigrate.testing.ScenarioLog

def log = ScenarioLog.text(basedir)
ScenarioDatabases.assertNoPassword(basedir.toPath(), log)
def builds = ScenarioLog.builds(basedir)
assert builds.size() == 3
def (first, guarded, continued) = builds
assert first.contains('Applied 1 migration')
assert guarded.contains('BUILD FAILURE')
assert guarded.contains("ambiguous revision table: We couldn't find a revision table in the connected schema but found one in")
assert guarded.contains("the schema 'atlas_schema_revisions' and cannot determine the desired behavior.")
assert guarded.contains('set <revisionsSchema>atlas_schema_revisions</revisionsSchema> in the environment')
assert guarded.contains('<revisionsSchema>public</revisionsSchema> to start a new one in "public"')
assert continued.contains('BUILD SUCCESS')
assert continued.contains('[1/1] 20250102000000_posts.sql')

ScenarioDatabases.connect(basedir.toPath()).withCloseable { connection ->
    def rs = connection.createStatement().executeQuery("""
        SELECT to_regclass('public.atlas_schema_revisions') IS NULL,
               (SELECT string_agg(version, ',' ORDER BY version) FROM atlas_schema_revisions.atlas_schema_revisions),
               to_regclass('public.posts') IS NOT NULL""")
    assert rs.next()
    // the guard created nothing in public; the one history went on in its schema
    assert rs.getBoolean(1)
    assert rs.getString(2) == '20250101000000,20250102000000'
    assert rs.getBoolean(3)
}
return true
