import io.github.pgmigrate.testing.ScenarioDatabases

def log = new File(basedir, 'build.log').text
ScenarioDatabases.assertNoPassword(basedir.toPath(), log)
assert log.contains('[1/2] 20250101000000_profiles.sql')
assert log =~ /20250102000000_auth_nickname\.sql:3: statement 2 of 2 failed: must be owner of table users \(SQLSTATE 42501\)/
assert log.contains('the object belongs to a schema Supabase manages')
assert log.contains('was rolled back')
assert log.contains('BUILD FAILURE')

ScenarioDatabases.connect(basedir.toPath()).withCloseable { connection ->
    def rs = connection.createStatement().executeQuery("""
        SELECT (SELECT string_agg(version, ',' ORDER BY version) FROM public.atlas_schema_revisions),
               to_regclass('public.profiles_display_name_idx') IS NULL,
               NOT EXISTS (SELECT 1 FROM information_schema.columns
                           WHERE table_schema = 'auth' AND table_name = 'users' AND column_name = 'nickname')""")
    assert rs.next()
    // The first file is recorded; the failed one left nothing, not even its index (one transaction per file).
    assert rs.getString(1) == '20250101000000'
    assert rs.getBoolean(2)
    assert rs.getBoolean(3)
}
return true
