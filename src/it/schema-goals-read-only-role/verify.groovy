import io.github.pgmigrate.testing.ScenarioDatabases
import io.github.pgmigrate.testing.ScenarioLog

def builds = ScenarioLog.builds(basedir)
assert builds.size() == 2
ScenarioDatabases.assertNoPassword(basedir.toPath(), new File(basedir, 'build.log').text)

// 1: drift as the reader sees the hand-made column.
assert builds[0].contains('BUILD SUCCESS')
assert builds[0].contains('table public.users / column nickname: exists: live present, migrations (missing)')
// the reader's own grant is part of the live schema, written as a reader of the log would
// (what PUBLIC holds on schema public differs between PostgreSQL 14 and 15, so only the reader's part is checked)
assert builds[0] =~ /schema public: grants: live \[[^\]]*USAGE to pgmigrate_it_reader\], migrations \[/

// 2: schema-diff from the migrations to the live database as the reader: the column is the plan.
assert builds[1].contains('BUILD SUCCESS')
assert builds[1].contains('ALTER TABLE public.users ADD COLUMN nickname text;')
return true
