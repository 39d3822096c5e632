import io.github.pgmigrate.testing.ScenarioDatabases

def log = new File(basedir, 'build.log').text
ScenarioDatabases.assertNoPassword(basedir.toPath(), log)
assert log.contains('BUILD SUCCESS')
// every statement is printed
assert log.contains('CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);')
assert log.contains("INSERT INTO users VALUES (1, 'ada@example.com');")
assert log.contains('CREATE INDEX posts_author_idx ON posts (author);')

ScenarioDatabases.connect(basedir.toPath()).withCloseable { connection ->
    def rs = connection.createStatement().executeQuery("""
        SELECT to_regnamespace('atlas_schema_revisions') IS NULL,
               (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%')""")
    assert rs.next()
    // no revisions schema, no table, nothing at all outside the system catalogs
    assert rs.getBoolean(1)
    assert rs.getInt(2) == 0
}
return true
