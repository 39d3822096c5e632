import io.github.pgmigrate.testing.ScenarioLog

def builds = ScenarioLog.builds(basedir)
assert builds.size() == 2

assert builds[0].contains('pass 20250101000000_users.sql')
assert builds[0].contains('FAIL 20250102000000_nickname.sql: down/20250102000000.sql does not restore the schema before it')
assert builds[0].contains('nickname')
assert builds[0].contains('not checked 20250103000000_pets.sql')
assert builds[0].contains('verify-migrations failed: 1 migration(s) do not survive apply, down, apply')
assert builds[0].contains('BUILD FAILURE')

assert builds[1].contains('1 of 3 migrations (the files up to 20250102000000 replayed first)')
assert builds[1].contains('pass 20250103000000_pets.sql')
assert !builds[1].contains('20250102000000_nickname.sql')
assert builds[1].contains('BUILD SUCCESS')
return true
