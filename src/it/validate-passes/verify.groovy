def log = new File(basedir, 'build.log').text
assert log.contains('Validated 2 migration file(s) in migrations: statements parse and atlas.sum matches')
assert log.contains('BUILD SUCCESS')
