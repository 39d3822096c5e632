import io.github.pgmigrate.testing.ScenarioLog

def builds = ScenarioLog.builds(basedir)
assert builds.size() == 1
def log = builds[0]
assert log.contains('BUILD SUCCESS')
assert log.contains('local guard passed: it is this build\'s embedded database')
assert log.contains('Cleaning schema(s) public and the history in atlas_schema_revisions')
// the foreign key first, then the tables, then the history
def drops = ['ALTER TABLE public.posts DROP CONSTRAINT posts_author_fkey', 'DROP TABLE public.users', 'DROP TABLE public.posts',
             'DROP TABLE "atlas_schema_revisions"."atlas_schema_revisions"',
             'DROP SCHEMA atlas_schema_revisions'].collect { log.indexOf("[INFO]   ${it}") }
assert drops.every { it > 0 } && drops == drops.sort(false)
assert log.contains('Cleaned: ')
def resetPart = log.substring(log.indexOf('Cleaned: '))
assert resetPart.contains('Applied 2 migrations')
assert resetPart.contains('Seeded: 1 statement(s) of seed.sql')
assert resetPart.contains('Reset done: 5 drop statement(s), 2 migration(s) applied, 1 seed statement(s)')
assert resetPart.contains('Already at latest version')
return true
