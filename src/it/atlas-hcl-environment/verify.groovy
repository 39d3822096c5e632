import io.github.pgmigrate.testing.ScenarioDatabases
import io.github.pgmigrate.testing.ScenarioLog

def log = ScenarioLog.text(basedir)
ScenarioDatabases.assertNoPassword(basedir.toPath(), log)
['Hcl-Pass', 'w0rd'].each {
    if (log.contains(it)) {
        throw new AssertionError('the password read by getenv appears in build.log')
    }
}
def builds = ScenarioLog.builds(basedir)
assert builds.size() == 2
def (local, staging) = builds

assert local.contains('Migration directory db/migrations (migration.dir of env "local" in atlas.hcl)')
assert local.contains('Not used by pgmigrate, from atlas.hcl (atlas.hcl:20: migration.lock_timeout)')
assert local.contains('exclude [auth, storage] from atlas.hcl applies to schema inspection')
assert local =~ /Environment local: postgres:\/\/pgmigrate_it_atlas:\*\*\*\*@\S+\?sslmode=disable as pgmigrate_it_atlas/
assert local.contains('Applied 2 migrations')
assert local.contains('Migration Status: OK')
assert local.contains('BUILD SUCCESS')

assert staging.contains('atlas.hcl:25: url is empty: the environment variable PGMIGRATE_IT_STAGING_URL read by getenv'
        + ' is not set')
assert staging.contains('BUILD FAILURE')

ScenarioDatabases.connectAsAdmin(basedir.toPath()).withCloseable { connection ->
    def rs = connection.createStatement().executeQuery("""
        SELECT pg_get_userbyid(relowner),
               (SELECT string_agg(version, ',' ORDER BY version) FROM deploy.atlas_schema_revisions)
          FROM pg_class WHERE oid = 'public.users'::regclass""")
    assert rs.next()
    assert rs.getString(1) == 'pgmigrate_it_atlas'
    assert rs.getString(2) == '20250101000000,20250102000000'
}
return true
