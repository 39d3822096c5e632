import io.github.pgmigrate.testing.ScenarioDatabases
import io.github.pgmigrate.testing.ScenarioLog

def builds = ScenarioLog.builds(basedir)
assert builds.size() == 3
ScenarioDatabases.assertNoPassword(basedir.toPath(), new File(basedir, 'build.log').text)

// 2: the plan and its hazard are shown, the guard is named with the way past it, nothing changed.
assert builds[1].contains('DROP TABLE public.pets;')
assert builds[1].contains('Hazard in reverting 20250102000000_pets.sql: table public.pets: dropped with all its rows')
assert builds[1].contains('refused by the allowDestructive guard, nothing was changed')
assert builds[1].contains('-Dpgmigrate.allowDestructive=true')
assert builds[1].contains('BUILD FAILURE')

// 3: allowed.
assert builds[2].contains('[1/1] reverted 20250102000000_pets.sql')
assert builds[2].contains('BUILD SUCCESS')

ScenarioDatabases.connect(basedir.toPath()).withCloseable { connection ->
    def rs = connection.createStatement().executeQuery(
            'SELECT string_agg(version, \',\' ORDER BY version) FROM atlas_schema_revisions.atlas_schema_revisions')
    assert rs.next() && rs.getString(1) == '20250101000000'
    rs = connection.createStatement().executeQuery("SELECT to_regclass('public.pets') IS NULL, (SELECT count(*) FROM users)")
    // the data migration's row stays: a computed down reverts the schema, not the data
    assert rs.next() && rs.getBoolean(1) && rs.getInt(2) == 1
}
return true
