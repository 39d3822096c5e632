import groovy.json.JsonSlurper
import io.github.pgmigrate.testing.ScenarioDatabases
import io.github.pgmigrate.testing.ScenarioLog

def builds = ScenarioLog.builds(basedir)
assert builds.size() == 3
builds.each { assert it.contains('BUILD SUCCESS') }
ScenarioDatabases.assertNoPassword(basedir.toPath(), ScenarioLog.text(basedir))
def text = builds[1]
assert text.contains('Supabase CLI history (supabase_migrations.schema_migrations): 2 versions')
assert text.contains('-- Applied by Supabase CLI only: 20250103000000')
assert text.contains('-- Recorded by Atlas/pgmigrate only: 20250102000000')
assert text.contains('importHistory=supabase')
assert text =~ /Version +Description +State +Executed at +Time +Statements +Supabase/
assert text =~ /20250101000000 +profiles +applied .* 2\/2 +applied/
assert text =~ /20250103000000 +tags +pending +1 +applied/

def json = new JsonSlurper().parse(new File(basedir, 'target/pgmigrate/status.json'))
assert json.supabaseHistory.versions == ['20250101000000', '20250103000000']
assert json.supabaseHistory.onlySupabase == ['20250103000000']
assert json.supabaseHistory.onlyAtlas == ['20250102000000']
assert json.migrations*.supabase == [true, false, true]
assert builds[2].contains('"onlySupabase"')
return true
