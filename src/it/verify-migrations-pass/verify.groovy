import io.github.pgmigrate.testing.ScenarioLog

def log = ScenarioLog.builds(basedir)[0]
assert log.contains('BUILD SUCCESS')
assert log.contains('pgmigrate:verify-migrations') && log.contains('(round-trip)')
['20250101090000_extensions.sql', '20250101090100_users.sql', '20250101090200_posts.sql',
 '20250101090300_posts_created_at_index.sql', '20250101090400_moderator_role.sql',
 '20250101090500_post_summary.sql'].each { assert log.contains('pass ' + it) }
assert log.contains('The replayed directory equals the desired schema')
assert log.contains('verify-migrations: 6 migration(s) passed the round trip, and the directory creates the desired schema')
return true
