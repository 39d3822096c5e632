import io.github.pgmigrate.testing.ScenarioDatabases
import io.github.pgmigrate.testing.ScenarioLog

def builds = ScenarioLog.builds(basedir)
assert builds.size() == 2
ScenarioDatabases.assertNoPassword(basedir.toPath(), new File(basedir, 'build.log').text)

// 1: the column is named with both sides, with the SQL that removes it; the build fails.
assert builds[0].contains('Drift: 1 difference(s) between the live schema and the migration directory')
assert builds[0].contains('table public.users / column nickname: exists: live present, migrations (missing)')
assert builds[0].contains('ALTER TABLE public.users DROP COLUMN nickname;')
assert builds[0].contains('Hazard in the SQL below: column public.users.nickname')
assert builds[0].contains('failOnDrift')
assert builds[0].contains('BUILD FAILURE')

// 2: only a report.
assert builds[1].contains('table public.users / column nickname')
assert builds[1].contains('BUILD SUCCESS')

// drift runs nothing on the database: the column is still there.
ScenarioDatabases.connect(basedir.toPath()).withCloseable { connection ->
    def rs = connection.createStatement().executeQuery(
            "SELECT count(*) FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'nickname'")
    assert rs.next() && rs.getInt(1) == 1
}
return true
