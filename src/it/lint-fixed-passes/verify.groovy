def log = new File(basedir, 'build.log').text
assert log.contains('0 errors and 0 warnings')
assert log.contains('BUILD SUCCESS')
