def log = new File(basedir, 'build.log').text
assert log.contains('migrations/20250101000000_broken.sql:2:32: unterminated quoted string')
assert log.contains('BUILD FAILURE')
