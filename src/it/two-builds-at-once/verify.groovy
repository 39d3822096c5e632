import io.github.pgmigrate.testing.ScenarioDatabases

def log = new File(basedir, 'build.log').text
ScenarioDatabases.assertNoPassword(basedir.toPath(), log)
assert log.contains('BUILD SUCCESS')
assert log.contains('Using the MultiThreadedBuilder')
// one build applied both files, the other waited for the migration lock and found nothing left
assert log.count('Applied 2 migrations') == 1
assert log.count('No migration files to execute') == 1

ScenarioDatabases.connect(basedir.toPath()).withCloseable { connection ->
    def rs = connection.createStatement().executeQuery("""
        SELECT (SELECT count(*) FROM events),
               (SELECT string_agg(version || ':' || applied || '/' || total, ',' ORDER BY version)
                  FROM atlas_schema_revisions.atlas_schema_revisions)""")
    assert rs.next()
    assert rs.getInt(1) == 2
    assert rs.getString(2) == '20250101000000:3/3,20250102000000:1/1'
}
return true
