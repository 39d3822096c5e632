import io.github.pgmigrate.testing.ScenarioDatabases

def log = new File(basedir, 'build.log').text
ScenarioDatabases.assertNoPassword(basedir.toPath(), log)
assert log.contains('BUILD FAILURE')
assert log.contains('MojoFailureException')
assert !log.contains('Applied ')

ScenarioDatabases.connect(basedir.toPath()).withCloseable { connection ->
    def rs = connection.createStatement().executeQuery("""
        SELECT (SELECT string_agg(note, ',') FROM public.atlas_schema_revisions),
               (SELECT count(*) FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'atlas_schema_revisions'),
               to_regclass('public.users') IS NULL,
               to_regnamespace('atlas_schema_revisions') IS NULL""")
    assert rs.next()
    assert rs.getString(1) == 'mine'
    assert rs.getInt(2) == 2
    assert rs.getBoolean(3)
    assert rs.getBoolean(4)
}
return true
