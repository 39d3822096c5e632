import io.github.pgmigrate.testing.ScenarioDatabases
import io.github.pgmigrate.testing.ScenarioLog

def builds = ScenarioLog.builds(basedir)
assert builds.size() == 2
builds.each { assert it.contains('BUILD SUCCESS') }
ScenarioDatabases.assertNoPassword(basedir.toPath(), ScenarioLog.text(basedir))
assert builds[0].contains('Applied 3 migrations (4 statements)')
assert builds[1].contains('Migration Status: OK')
assert builds[1].contains('Supabase CLI history (supabase_migrations.schema_migrations): 3 versions')

ScenarioDatabases.connect(basedir.toPath()).withCloseable { connection ->
    def rs = connection.createStatement().executeQuery("""
        SELECT (SELECT string_agg(version || ':' || name || ':' || array_length(statements, 1), ',' ORDER BY version)
                  FROM supabase_migrations.schema_migrations),
               (SELECT statements[2] FROM supabase_migrations.schema_migrations WHERE version = '20250101000000'),
               to_regclass('public.atlas_schema_revisions') IS NULL,
               (SELECT string_agg(attname || ' ' || format_type(atttypid, atttypmod), ', ' ORDER BY attnum) FROM pg_attribute
                  WHERE attrelid = 'supabase_migrations.schema_migrations'::regclass AND attnum > 0)""")
    assert rs.next()
    assert rs.getString(1) == '20250101000000:profiles:2,20250102000000:notes:1,20250103000000:tags:1'
    assert rs.getString(2) == 'ALTER TABLE profiles ENABLE ROW LEVEL SECURITY'
    assert rs.getBoolean(3)
    assert rs.getString(4) == 'version text, statements text[], name text'
}
return true
