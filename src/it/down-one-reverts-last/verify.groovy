import io.github.pgmigrate.testing.ScenarioDatabases
import io.github.pgmigrate.testing.ScenarioLog

def builds = ScenarioLog.builds(basedir)
assert builds.size() == 4
builds.each { assert it.contains('BUILD SUCCESS') }
ScenarioDatabases.assertNoPassword(basedir.toPath(), new File(basedir, 'build.log').text)

// 2: the plan, checked on a dev copy, and nothing changed.
assert builds[1].contains('[dry run] Going down from version 20250102000000 to version 20250101000000: 1 migration to revert')
assert builds[1].contains('20250102000000_users_email_index.sql -> version 20250101000000 (computed down of 20250102000000_users_email_index.sql, 1 statement)')
assert builds[1].contains('DROP INDEX public.users_email_idx;')
assert builds[1].contains('[dry run] nothing was changed; 1 migration would be reverted')

// 3: reverted, and status agrees.
assert builds[2].contains('[1/1] reverted 20250102000000_users_email_index.sql')
assert builds[2].contains('now at version 20250101000000 (was 20250102000000)')
assert builds[2] =~ /20250102000000\s+users_email_index\s+pending/

// 4: apply runs it again.
assert builds[3].contains('Migrating to version 20250102000000 from 20250101000000')

ScenarioDatabases.connect(basedir.toPath()).withCloseable { connection ->
    def rs = connection.createStatement().executeQuery(
            'SELECT string_agg(version, \',\' ORDER BY version) FROM atlas_schema_revisions.atlas_schema_revisions')
    assert rs.next() && rs.getString(1) == '20250101000000,20250102000000'
    rs = connection.createStatement().executeQuery("SELECT count(*) FROM pg_indexes WHERE indexname = 'users_email_idx'")
    assert rs.next() && rs.getInt(1) == 1
}
return true
