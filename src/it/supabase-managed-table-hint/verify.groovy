import io.github.pgmigrate.testing.ScenarioDatabases

def log = new File(basedir, 'build.log').text
ScenarioDatabases.assertNoPassword(basedir.toPath(), log)
assert log.contains('[1/2] 20250101000000_profiles.sql')
assert log.contains('BUILD FAILURE')
assert log.contains('20250102000000_nickname.sql:2: statement 2 of 2 failed: must be owner of table users')
assert log.contains('ALTER TABLE auth.users ADD COLUMN nickname text;')
assert log.contains('rolled back')
def failure = log.substring(log.indexOf('BUILD FAILURE'))
assert failure.contains('the object belongs to a schema Supabase manages (auth, storage, realtime')
assert failure.contains('Keep your objects in public or your own schema')

ScenarioDatabases.connect(basedir.toPath()).withCloseable { connection ->
    def rs = connection.createStatement().executeQuery("""
        SELECT (SELECT string_agg(version, ',') FROM public.atlas_schema_revisions),
               to_regclass('public.profiles') IS NOT NULL,
               to_regclass('public.profiles_display_name_idx') IS NULL,
               (SELECT count(*) FROM information_schema.columns WHERE table_schema = 'auth' AND table_name = 'users' AND column_name = 'nickname')""")
    assert rs.next()
    // the first file stays applied; the failing file was rolled back as a whole (its index too)
    assert rs.getString(1) == '20250101000000'
    assert rs.getBoolean(2)
    assert rs.getBoolean(3)
    assert rs.getInt(4) == 0
}
return true
