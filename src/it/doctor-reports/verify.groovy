import io.github.pgmigrate.testing.ScenarioDatabases
import io.github.pgmigrate.testing.ScenarioLog

def builds = ScenarioLog.builds(basedir)
assert builds.size() == 2
def (healthy, refused) = builds
ScenarioDatabases.assertNoPassword(basedir.toPath(), ScenarioLog.text(basedir))
assert !ScenarioLog.text(basedir).contains('Doctor-S3cret')
assert healthy.contains('BUILD SUCCESS')
assert healthy =~ /Server version: +PostgreSQL \d+/
assert healthy.contains('Pooler:            none')
assert healthy =~ /SSL: +(on|off)/
assert healthy.contains('Clean check:       not clean: found schema "auth"; Supabase-managed schemas: auth')
assert healthy.contains('Atlas revisions:   none in "public"."atlas_schema_revisions"')
assert healthy.contains('Supabase history:  none in supabase_migrations.schema_migrations')
assert healthy.contains('Pending:           3 of 3 files')
assert refused.contains('BUILD FAILURE')
assert refused.contains('Problem:           cannot connect to')
assert refused.contains('Fix:               nothing accepts connections at 127.0.0.1:1')
return true
