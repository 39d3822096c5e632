def log = new File(basedir, 'build.log').text
assert log.contains('migrations/20250101000000_index.sql:1: Atlas ignores this atlas:txmode directive')
assert log.contains('Atlas issue #3596')
assert log.contains('add an empty line after it')
