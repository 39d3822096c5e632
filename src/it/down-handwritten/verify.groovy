import io.github.pgmigrate.testing.ScenarioDatabases
import io.github.pgmigrate.testing.ScenarioLog

def builds = ScenarioLog.builds(basedir)
assert builds.size() == 2
builds.each { assert it.contains('BUILD SUCCESS') }
ScenarioDatabases.assertNoPassword(basedir.toPath(), new File(basedir, 'build.log').text)

// the sub-folder is not part of the directory's format
def sum = new File(basedir, 'migrations/atlas.sum').text
assert sum.readLines().size() == 4 && !sum.contains('down')

assert builds[1].contains('20250103000000_team_plan.sql -> version 20250102000000 (down/20250103000000.sql, 7 statements)')
assert builds[1].contains('ALTER TYPE plan RENAME TO plan_with_team;')
assert builds[1].contains("Hazard in reverting 20250103000000_team_plan.sql: enum public.plan: loses value(s) 'team'")
assert builds[1].contains('The plan ran on a dev copy of version 20250103000000')
assert builds[1].contains('[1/1] reverted 20250103000000_team_plan.sql (down/20250103000000.sql, 7 statements)')

ScenarioDatabases.connect(basedir.toPath()).withCloseable { connection ->
    def rs = connection.createStatement().executeQuery(
            "SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder) FROM pg_enum WHERE enumtypid = 'plan'::regtype")
    assert rs.next() && rs.getString(1) == 'free,pro'
    rs = connection.createStatement().executeQuery(
            'SELECT string_agg(version, \',\' ORDER BY version) FROM atlas_schema_revisions.atlas_schema_revisions')
    assert rs.next() && rs.getString(1) == '20250101000000,20250102000000'
    rs = connection.createStatement().executeQuery("SELECT count(*) FROM pg_type WHERE typname = 'plan_with_team'")
    assert rs.next() && rs.getInt(1) == 0
    rs = connection.createStatement().executeQuery('SELECT plan::text FROM users WHERE id = 1')
    assert rs.next() && rs.getString(1) == 'pro'
}
return true
