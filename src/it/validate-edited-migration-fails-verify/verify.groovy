def log = new File(basedir, 'build.log').text
// mvn verify stops in the validate phase, naming the edited file, its atlas.sum line and the fix.
assert log.contains('migrations/atlas.sum:2: 20250101000000_users.sql was edited after atlas.sum was written')
assert log.contains("run 'mvn pgmigrate:hash'")
assert log.contains('BUILD FAILURE')
