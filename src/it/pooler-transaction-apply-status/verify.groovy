import io.github.pgmigrate.testing.ScenarioDatabases
import io.github.pgmigrate.testing.ScenarioLog

ScenarioDatabases.assertNoPassword(basedir.toPath(), ScenarioLog.text(basedir))
def builds = ScenarioLog.builds(basedir)
assert builds.size() == 2
def (configured, prisma) = builds

assert configured =~ /Environment pgbouncer: jdbc:postgresql:\/\/127\.0\.0\.1:\d+\//
assert configured.contains('transaction pooler (pooler=transaction is configured')
assert configured.contains('[2/2] 20250102000000_posts_created_at.sql  2 statements')
assert configured.contains('Applied 2 migrations (4 statements)')
assert configured.contains('Migration Status: OK')
assert configured.contains('BUILD SUCCESS')

// pgbouncer=true: one message that the pooler was recognised, none saying the parameter was dropped
assert prisma.contains('Environment prisma: postgres://127.0.0.1:')
assert prisma.count('pgbouncer=true in the URL') == 1
assert prisma.contains("transaction pooler (pgbouncer=true in the URL, Prisma's flag for a transaction pooler")
assert !prisma.contains('dropped')
assert prisma.contains('No migration files to execute')
assert prisma.contains('Migration Status: OK')
assert prisma.contains('BUILD SUCCESS')

// Every connection went through PgBouncer (its log names the role and database of each login).
assert ScenarioDatabases.pgBouncerLogins(basedir.toPath()) >= 4

ScenarioDatabases.connect(basedir.toPath()).withCloseable { connection ->
    def rs = connection.createStatement().executeQuery("""
        SELECT (SELECT count(*) FROM pg_index i WHERE i.indrelid = 'public.posts'::regclass
                   AND i.indisvalid AND i.indisready
                   AND i.indexrelid::regclass::text IN ('posts_created_at_idx', 'posts_id_created_at_idx')),
               (SELECT count(*) FROM posts),
               (SELECT string_agg(version || ':' || applied || '/' || total, ',' ORDER BY version)
                  FROM atlas_schema_revisions.atlas_schema_revisions)""")
    assert rs.next()
    assert rs.getInt(1) == 2
    assert rs.getInt(2) == 100
    assert rs.getString(3) == '20250101000000:2/2,20250102000000:2/2'
}
return true
