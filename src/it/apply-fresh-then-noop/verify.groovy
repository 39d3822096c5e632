import io.github.pgmigrate.testing.ScenarioDatabases

def log = new File(basedir, 'build.log').text
ScenarioDatabases.assertNoPassword(basedir.toPath(), log)
assert log.contains('Migrating to version 20250102000000 (2 migrations in total)')
assert log.contains('[1/2] 20250101000000_users.sql  2 statements')
assert log.contains('[2/2] 20250102000000_posts.sql  2 statements')
assert log.contains('Applied 2 migrations (4 statements)')
assert log.contains('No migration files to execute')
assert log.count('Applied 2 migrations') == 1
assert !log.contains('BUILD FAILURE')

ScenarioDatabases.connect(basedir.toPath()).withCloseable { connection ->
    def rows = []
    def rs = connection.createStatement().executeQuery(
            'SELECT version, description, type, applied, total, error, hash FROM atlas_schema_revisions.atlas_schema_revisions ORDER BY version')
    while (rs.next()) {
        rows << [rs.getString(1), rs.getString(2), rs.getLong(3), rs.getInt(4), rs.getInt(5), rs.getString(6), rs.getString(7)]
    }
    def sum = new File(basedir, 'migrations/atlas.sum').text
    assert rows.size() == 2
    assert rows[0][0..5] == ['20250101000000', 'users', 2L, 2, 2, '']
    assert rows[1][0..5] == ['20250102000000', 'posts', 2L, 2, 2, '']
    assert sum.contains("20250101000000_users.sql h1:${rows[0][6]}")
    assert sum.contains("20250102000000_posts.sql h1:${rows[1][6]}")
    rs = connection.createStatement().executeQuery(
            "SELECT (SELECT count(*) FROM users), to_regclass('public.posts') IS NOT NULL, to_regclass('public.posts_author_idx') IS NOT NULL")
    assert rs.next()
    assert rs.getLong(1) == 1
    assert rs.getBoolean(2)
    assert rs.getBoolean(3)
}
return true
