import io.github.pgmigrate.testing.ScenarioDatabases
import io.github.pgmigrate.testing.ScenarioLog

def majors = [13, 14, 15, 16, 17, 18]
def log = ScenarioLog.text(basedir)
ScenarioDatabases.assertNoPassword(basedir.toPath(), log)
def builds = ScenarioLog.builds(basedir)
assert builds.size() == majors.size()
builds.eachWithIndex { build, i ->
    assert build.contains("Environment pg${majors[i]}:")
    assert build.contains('Applied 2 migrations (4 statements)')
    assert build.contains('No migration files to execute')
    assert build.contains('Migration Status: OK')
    assert build.contains('BUILD SUCCESS')
}
majors.each { major ->
    ScenarioDatabases.connectToMajor(basedir.toPath(), major).withCloseable { connection ->
        def rs = connection.createStatement().executeQuery("""
            SELECT current_setting('server_version_num')::int / 10000,
                   (SELECT string_agg(version || ':' || applied || '/' || total, ',' ORDER BY version)
                      FROM atlas_schema_revisions.atlas_schema_revisions),
                   (SELECT count(*) FROM users), to_regclass('public.posts_author_idx') IS NOT NULL""")
        assert rs.next()
        assert rs.getInt(1) == major
        assert rs.getString(2) == '20250101000000:2/2,20250102000000:2/2'
        assert rs.getLong(3) == 1
        assert rs.getBoolean(4)
    }
}
return true
