import io.github.pgmigrate.testing.ScenarioDatabases
import io.github.pgmigrate.testing.ScenarioLog

def log = ScenarioLog.text(basedir)
ScenarioDatabases.assertNoPassword(basedir.toPath(), log)
def builds = ScenarioLog.builds(basedir)
assert builds.size() == 2
def (refused, applied) = builds
assert refused.contains('BUILD FAILURE')
assert refused.contains('connected database is not clean: found schema')
assert refused.contains('baseline version or allow-dirty is required')
assert refused.contains('This is a Supabase database')
['auth', 'storage', 'realtime', 'extensions'].each { assert refused.contains(it) }
assert !refused.contains('Applied 1 migration')
assert applied.contains('Applied 1 migration (2 statements)')
assert applied.contains('BUILD SUCCESS')

ScenarioDatabases.connect(basedir.toPath()).withCloseable { connection ->
    def rs = connection.createStatement().executeQuery("""
        SELECT (SELECT string_agg(version || ':' || applied || '/' || total, ',') FROM public.atlas_schema_revisions),
               (SELECT relrowsecurity FROM pg_class WHERE oid = 'public.profiles'::regclass),
               (SELECT relowner::regrole::text FROM pg_class WHERE oid = 'public.profiles'::regclass),
               has_table_privilege('anon', 'public.profiles', 'SELECT')""")
    assert rs.next()
    assert rs.getString(1) == '20250101000000:2/2'
    assert rs.getBoolean(2)
    assert rs.getString(3) == 'postgres'
    // Supabase's default privileges reached the new table
    assert rs.getBoolean(4)
}
return true
