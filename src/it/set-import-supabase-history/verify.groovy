import io.github.pgmigrate.testing.ScenarioDatabases
import io.github.pgmigrate.testing.ScenarioLog

def builds = ScenarioLog.builds(basedir)
assert builds.size() == 2
builds.each { assert it.contains('BUILD SUCCESS') }
ScenarioDatabases.assertNoPassword(basedir.toPath(), ScenarioLog.text(basedir))
def (imported, applied) = builds
assert imported.contains("Imported 2 of Supabase's 2 versions")
assert imported.contains('the history now ends at version 20250102000000')
assert imported.contains('+ 20250101000000 (profiles)')
assert applied.contains('Migrating to version 20250103000000 from 20250102000000 (1 migrations in total)')
assert applied.contains('Applied 1 migration (1 statement)')

ScenarioDatabases.connect(basedir.toPath()).withCloseable { connection ->
    def rs = connection.createStatement().executeQuery("""
        SELECT (SELECT string_agg(version || ':' || type, ',' ORDER BY version) FROM public.atlas_schema_revisions),
               (SELECT string_agg(version || ':' || name, ',' ORDER BY version) FROM supabase_migrations.schema_migrations),
               (SELECT statements[1] FROM supabase_migrations.schema_migrations WHERE version = '20250103000000'),
               to_regclass('public.tags') IS NOT NULL""")
    assert rs.next()
    assert rs.getString(1) == '20250101000000:4,20250102000000:4,20250103000000:2'
    assert rs.getString(2) == '20250101000000:profiles,20250102000000:notes,20250103000000:tags'
    assert rs.getString(3) == 'CREATE TABLE tags (name text PRIMARY KEY)'
    assert rs.getBoolean(4)
}
return true
