import io.github.pgmigrate.testing.ScenarioDatabases
import io.github.pgmigrate.testing.ScenarioLog

def log = ScenarioLog.text(basedir)
ScenarioDatabases.assertNoPassword(basedir.toPath(), log)
def builds = ScenarioLog.builds(basedir)
assert builds.size() == 2
def (refused, applied) = builds
assert refused.contains('BUILD FAILURE')
assert refused.contains('20250102000000_comments_body.sql:1: CREATE INDEX CONCURRENTLY cannot run inside a transaction, and this file runs in one (txMode file); nothing was applied')
assert refused.contains('-- atlas:txmode none')
assert !refused.contains('[1/2]')
assert applied.contains('[2/2] 20250102000000_posts_created_at.sql  2 statements')
assert applied.contains('Applied 2 migrations (4 statements)')
assert applied.contains('BUILD SUCCESS')

ScenarioDatabases.connect(basedir.toPath()).withCloseable { connection ->
    def rs = connection.createStatement().executeQuery("""
        SELECT to_regclass('public.comments') IS NULL,
               (SELECT count(*) FROM pg_index i WHERE i.indrelid = 'public.posts'::regclass
                   AND i.indisvalid AND i.indisready
                   AND i.indexrelid::regclass::text IN ('posts_created_at_idx', 'posts_id_created_at_idx')),
               (SELECT string_agg(version || ':' || applied || '/' || total, ',' ORDER BY version)
                  FROM atlas_schema_revisions.atlas_schema_revisions)""")
    assert rs.next()
    // the refused directory's first file (comments) did not run either
    assert rs.getBoolean(1)
    assert rs.getInt(2) == 2
    assert rs.getString(3) == '20250101000000:2/2,20250102000000:2/2'
}
return true
