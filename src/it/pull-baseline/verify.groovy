import io.github.pgmigrate.testing.ScenarioDatabases
import io.github.pgmigrate.testing.ScenarioLog

def builds = ScenarioLog.builds(basedir)
assert builds.size() == 3
def (pulled, status, again) = builds
ScenarioDatabases.assertNoPassword(basedir.toPath(), ScenarioLog.text(basedir))
assert pulled.contains('BUILD SUCCESS')
assert pulled.contains("Left out the platform's managed schemas")
def files = new File(basedir, 'migrations').listFiles().findAll { it.name.endsWith('.sql') }
assert files.size() == 1
def file = files[0]
assert file.name ==~ /\d{14}_baseline\.sql/
def version = file.name.substring(0, 14)
assert pulled.contains("Recorded version ${version} as the baseline")
def sql = file.text
assert sql.contains('public.profiles') && sql.contains('public.posts')
assert !sql.contains('CREATE TABLE auth.') && !sql.contains('storage.objects')
assert new File(basedir, 'migrations/atlas.sum').text.contains(file.name + ' h1:')
assert status.contains('BUILD SUCCESS') && status.contains('Migration Status: OK')
assert again.contains('BUILD FAILURE')
assert again.contains('the database already has a migration history (1 versions')
assert again.contains('-Dpgmigrate.pull.overHistory=true')

ScenarioDatabases.connect(basedir.toPath()).withCloseable { connection ->
    def rs = connection.createStatement().executeQuery(
            "SELECT string_agg(version || ':' || type, ',') FROM public.atlas_schema_revisions")
    assert rs.next()
    assert rs.getString(1) == "${version}:1".toString()
}
assert new File(basedir, 'migrations').listFiles().findAll { it.name.endsWith('.sql') }.size() == 1
return true
