def log = new File(basedir, 'build.log').text
assert log.contains('Skipping pgmigrate:validate (pgmigrate.skip is set)')
assert log.contains('Skipping pgmigrate:validate (pgmigrate.validate.skip is set)')
assert log.contains('Skipping pgmigrate:hash (pgmigrate.hash.skip is set)')
assert !log.contains('BUILD FAILURE')
// hash was skipped, so atlas.sum still records the original content.
assert new File(basedir, 'migrations/atlas.sum').text.contains('20250101000000_users.sql h1:')
