import io.github.pgmigrate.testing.ScenarioDatabases
import io.github.pgmigrate.testing.ScenarioLog

def log = ScenarioLog.text(basedir)
ScenarioDatabases.assertNoPassword(basedir.toPath(), log)
def builds = ScenarioLog.builds(basedir)
assert builds.size() == 3
def (applied, dryRun, cleaned) = builds
builds.each { assert it.contains('BUILD SUCCESS') }
assert applied.contains('Applied 1 migration')
assert dryRun.contains('[dry run]   DROP TABLE public.profiles')
assert dryRun.contains('[dry run] nothing was dropped')
assert cleaned.contains('local guard passed')
assert cleaned.contains('managed schemas left alone: ')
['auth', 'storage', 'realtime', 'extensions'].each { assert cleaned =~ /managed schemas left alone: .*\b${it}\b/ }
assert cleaned.contains('DROP TABLE public.profiles')
assert cleaned.contains('DROP TABLE "public"."atlas_schema_revisions"')
assert !(cleaned =~ /DROP \w+ (auth|storage|realtime|extensions)\./)

ScenarioDatabases.connectAsAdmin(basedir.toPath()).withCloseable { connection ->
    def rs = connection.createStatement().executeQuery(new File(basedir, 'managed-counts.sql').text)
    rs.next()
    def after = rs.getString(1)
    def before = new File(basedir, 'managed-before.txt').text
    assert after == before
    assert before.contains('auth.users=1')
    rs = connection.createStatement().executeQuery("""
        SELECT to_regclass('public.profiles') IS NULL, to_regclass('public.atlas_schema_revisions') IS NULL,
               EXISTS (SELECT FROM pg_namespace WHERE nspname = 'public'),
               (SELECT count(*) FROM pg_roles WHERE rolname IN ('anon', 'authenticated', 'service_role'))""")
    rs.next()
    assert rs.getBoolean(1) && rs.getBoolean(2) && rs.getBoolean(3)
    assert rs.getInt(4) == 3
}
return true
